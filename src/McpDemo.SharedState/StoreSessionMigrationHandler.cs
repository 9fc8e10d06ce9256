using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// Lets any replica serve a legacy (2025-era) session started on another one: on <c>initialize</c> it records the
/// client's parameters and the session's user in the store; a replica that is asked for a session it does not hold
/// adopts it from there, for the same user only. Records expire after the session idle timeout, counted from
/// the session's last request (see <see cref="Touch"/>).
/// </summary>
public sealed class StoreSessionMigrationHandler : ISessionMigrationHandler, IDisposable
{
    private const string Unavailable = "The shared state store is unavailable, so this replica cannot serve the session now. Retry shortly.";

    private readonly Lazy<IDatabase> _records;
    private readonly SessionIdleTimeout _idleTimeout;
    // Session id -> when this replica last restarted the record's idle clock (Environment.TickCount64). Looked up with
    // the request header's own string, so a request allocates nothing here; swept every refresh interval, so an entry
    // is gone at most two intervals after its session's last request on this replica, whether or not requests come.
    private readonly ConcurrentDictionary<string, long> _lastTouched = new(StringComparer.Ordinal);
    private ITimer? _sweep;

    /// <summary>Creates the handler over the store's connection.</summary>
    public StoreSessionMigrationHandler(StoreConnection store, IOptions<SharedStateOptions> options, SessionIdleTimeout idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(idleTimeout);
        // The handler is built with the request pipeline, before the store has to be connected.
        _records = store.KeysUnder(options.Value.KeyPrefix + "session:");
        // The idle timeout is read at first use, not here: the transport options it comes from resolve this handler.
        _idleTimeout = idleTimeout;
    }

    /// <inheritdoc />
    public async ValueTask OnSessionInitializedAsync(
        HttpContext context, string sessionId, InitializeRequestParams initializeParams, CancellationToken cancellationToken)
    {
        var record = StoredSessionJson.Serialize(new StoredSession(initializeParams, SessionOwner.Of(context.User)));
        await StoreCommand.RunAsync(() => _records.Value.StringSetAsync(sessionId, record, _idleTimeout.Value), Unavailable);
        MarkTouched(sessionId, Environment.TickCount64);
    }

    /// <inheritdoc />
    /// <exception cref="SessionOwnerMismatchException">The session belongs to another user.</exception>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached.</exception>
    public async ValueTask<InitializeRequestParams?> AllowSessionMigrationAsync(
        HttpContext context, string sessionId, CancellationToken cancellationToken)
    {
        // GETEX reads the record and restarts its idle clock in one round trip.
        var value = await StoreCommand.RunAsync(() => _records.Value.StringGetSetExpiryAsync(sessionId, _idleTimeout.Value), Unavailable);
        if (value.IsNull)
        {
            return null;
        }
        var stored = StoredSessionJson.Deserialize((byte[])value!);
        if (stored is null)
        {
            return null;
        }
        if (stored.Owner != SessionOwner.Of(context.User))
        {
            throw new SessionOwnerMismatchException(sessionId);
        }
        MarkTouched(sessionId, Environment.TickCount64);
        return stored.InitializeParams;
    }

    /// <summary>
    /// Restarts the idle clock of a session's record, at most once per eighth of the idle timeout per replica:
    /// a session that stays on one replica for hours must not lose its record, and a busy session must not pay a
    /// store round trip per request.
    /// </summary>
    public void Touch(string sessionId)
    {
        var now = Environment.TickCount64;
        if (_lastTouched.TryGetValue(sessionId, out var touched) && now - touched < RefreshMilliseconds)
        {
            return;
        }
        MarkTouched(sessionId, now);
        try
        {
            // Fire and forget: the request must not wait for it, and a missed refresh costs nothing until the next.
            _records.Value.KeyExpire(sessionId, _idleTimeout.Value, flags: CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // The store is away; StoreConnection has said so once, and the session itself is held in memory here.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sweep?.Dispose();

    private TimeSpan RefreshInterval => _idleTimeout.Value / 8;

    private long RefreshMilliseconds => (long)RefreshInterval.TotalMilliseconds;

    private void MarkTouched(string sessionId, long now)
    {
        _lastTouched[sessionId] = now;
        if (_sweep is null)
        {
            var timer = TimeProvider.System.CreateTimer(_ => SweepLastTouched(), null, RefreshInterval, RefreshInterval);
            if (Interlocked.CompareExchange(ref _sweep, timer, null) is not null)
            {
                timer.Dispose();
            }
        }
    }

    // Entries older than the refresh interval no longer spare a store command, so dropping them changes nothing.
    private void SweepLastTouched()
    {
        var stale = Environment.TickCount64 - RefreshMilliseconds;
        foreach (var (sessionId, touched) in _lastTouched)
        {
            if (touched <= stale)
            {
                _lastTouched.TryRemove(KeyValuePair.Create(sessionId, touched));
            }
        }
    }
}
