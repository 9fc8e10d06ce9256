using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using McpDemo.StreamableHttp.Resumability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp.Sessions;

/// <summary>
/// The live stateful sessions of this process. It ends sessions idle longer than
/// <see cref="McpHttpOptions.IdleTimeout"/> (checked on every lookup and by <see cref="IdleSessionSweeper"/>),
/// and at <see cref="McpHttpOptions.MaxSessions"/> evicts the longest-idle session to admit a new one.
/// </summary>
internal sealed partial class McpSessionStore(
    IOptions<McpHttpOptions> options,
    TimeProvider timeProvider,
    ISseEventStreamStore eventStreamStore,
    ILogger<McpSessionStore> logger,
    IMeterFactory meterFactory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, McpSession> _sessions = CreateObservedSessions(meterFactory);
    private readonly Lock _admissionLock = new();
    private readonly TimeSpan _idleTimeout = options.Value.IdleTimeout;
    private readonly int _maxSessions = options.Value.MaxSessions;

    public int Count => _sessions.Count;

    /// <summary>Finds a live session; a session found idle past the timeout is ended instead.</summary>
    public bool TryGet(string sessionId, out McpSession session)
    {
        if (!_sessions.TryGetValue(sessionId, out session!))
        {
            return false;
        }

        if (session.IsIdleSince(timeProvider.GetUtcNow() - _idleTimeout))
        {
            _ = EndAsync(session, "idle timeout");
            return false;
        }

        return true;
    }

    /// <summary>Adds a new session, first evicting the longest-idle session when the store is full.</summary>
    public void Add(McpSession session)
    {
        McpSession? evicted = null;
        lock (_admissionLock)
        {
            if (_sessions.Count >= _maxSessions)
            {
                evicted = FindLongestIdle();
                if (evicted is not null)
                {
                    _sessions.TryRemove(evicted.Id, out _);
                }
            }

            _sessions[session.Id] = session;
        }

        if (evicted is not null)
        {
            _ = EndAsync(evicted, "session cap reached");
        }
    }

    /// <summary>Removes and ends a session; false when it was already gone.</summary>
    public async ValueTask<bool> RemoveAsync(McpSession session, string reason)
    {
        if (!_sessions.TryRemove(new KeyValuePair<string, McpSession>(session.Id, session)))
        {
            return false;
        }

        await DisposeSessionAsync(session, reason);
        return true;
    }

    /// <summary>Ends every session idle longer than the timeout.</summary>
    public async Task RemoveIdleSessionsAsync()
    {
        var cutoff = timeProvider.GetUtcNow() - _idleTimeout;
        foreach (var session in _sessions.Values)
        {
            if (session.IsIdleSince(cutoff))
            {
                await EndAsync(session, "idle timeout");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await EndAsync(session, "server shutdown");
        }
    }

    // The meter factory owns the gauge and disposes it with the container, so the store needs no teardown for it.
    private static ConcurrentDictionary<string, McpSession> CreateObservedSessions(IMeterFactory meterFactory)
    {
        var sessions = new ConcurrentDictionary<string, McpSession>(StringComparer.Ordinal);
        McpSessionMetrics.ObserveActiveSessions(meterFactory, () => sessions.Count);
        return sessions;
    }

    private McpSession? FindLongestIdle()
    {
        McpSession? oldest = null;
        foreach (var candidate in _sessions.Values)
        {
            if (oldest is null || candidate.LastActivity < oldest.LastActivity)
            {
                oldest = candidate;
            }
        }

        return oldest;
    }

    private async Task EndAsync(McpSession session, string reason)
    {
        _sessions.TryRemove(new KeyValuePair<string, McpSession>(session.Id, session));
        await DisposeSessionAsync(session, reason);
    }

    private async Task DisposeSessionAsync(McpSession session, string reason)
    {
        try
        {
            await session.DisposeAsync();
        }
        catch (Exception ex)
        {
            LogSessionDisposeFailed(logger, ex);
        }

        (eventStreamStore as InMemoryEventStreamStore)?.RemoveSession(session.Id);
        LogSessionEnded(logger, reason);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP session ended: {Reason}.")]
    private static partial void LogSessionEnded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An MCP session failed while ending.")]
    private static partial void LogSessionDisposeFailed(ILogger logger, Exception exception);
}
