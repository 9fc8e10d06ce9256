using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
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
public sealed class StoreSessionMigrationHandler(
    StoreConnection store,
    IOptions<SharedStateOptions> options,
    SessionIdleTimeout idleTimeout,
    IMemoryCache recentlyTouched) : ISessionMigrationHandler
{
    private readonly string _keyPrefix = options.Value.KeyPrefix + "session:";

    /// <inheritdoc />
    public async ValueTask OnSessionInitializedAsync(
        HttpContext context, string sessionId, InitializeRequestParams initializeParams, CancellationToken cancellationToken)
    {
        var record = JsonSerializer.SerializeToUtf8Bytes(
            new StoredSession(initializeParams, SessionOwner.Of(context.User)), StoredSessionJson.Options);
        await RunAsync(db => db.StringSetAsync(Key(sessionId), record, idleTimeout.Value));
        MarkTouched(sessionId);
    }

    /// <inheritdoc />
    /// <exception cref="SessionOwnerMismatchException">The session belongs to another user.</exception>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached.</exception>
    public async ValueTask<InitializeRequestParams?> AllowSessionMigrationAsync(
        HttpContext context, string sessionId, CancellationToken cancellationToken)
    {
        // GETEX reads the record and restarts its idle clock in one round trip.
        var value = await RunAsync(db => db.StringGetSetExpiryAsync(Key(sessionId), idleTimeout.Value));
        if (value.IsNull)
        {
            return null;
        }
        var stored = JsonSerializer.Deserialize<StoredSession>((byte[])value!, StoredSessionJson.Options);
        if (stored is null)
        {
            return null;
        }
        if (stored.Owner != SessionOwner.Of(context.User))
        {
            throw new SessionOwnerMismatchException(sessionId);
        }
        MarkTouched(sessionId);
        return stored.InitializeParams;
    }

    /// <summary>
    /// Restarts the idle clock of a session's record, at most once per eighth of the idle timeout per replica:
    /// a session that stays on one replica for hours must not lose its record, and a busy session must not pay a
    /// store round trip per request.
    /// </summary>
    public void Touch(string sessionId)
    {
        if (recentlyTouched.TryGetValue(TouchedKey(sessionId), out _))
        {
            return;
        }
        MarkTouched(sessionId);
        try
        {
            // Fire and forget: the request must not wait for it, and a missed refresh costs nothing until the next.
            store.Multiplexer.GetDatabase().KeyExpire(Key(sessionId), idleTimeout.Value, flags: CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // The store is away; StoreConnection has said so once, and the session itself is held in memory here.
        }
    }

    private RedisKey Key(string sessionId) => _keyPrefix + sessionId;

    private static string TouchedKey(string sessionId) => "mcpdemo-session-touched:" + sessionId;

    private void MarkTouched(string sessionId) =>
        recentlyTouched.Set(TouchedKey(sessionId), true, idleTimeout.Value / 8);

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            return await command(store.Multiplexer.GetDatabase());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException(
                "The shared state store is unavailable, so this replica cannot serve the session now. Retry shortly.", e);
        }
    }
}
