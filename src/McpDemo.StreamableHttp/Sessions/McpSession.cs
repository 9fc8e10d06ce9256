using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp.Sessions;

/// <summary>
/// One stateful MCP session: its transport, the server running on it, the user it belongs to, and when it was
/// last used. Requests hold an activity lease while they run so a session is never idle mid-request.
/// </summary>
internal sealed class McpSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeProvider _timeProvider;
    private long _lastActivityTicks;
    private int _activeRequests;
    private int _disposed;

    public McpSession(string id, string? userId, StreamableHttpServerTransport transport, McpServer server, TimeProvider timeProvider)
    {
        Id = id;
        UserId = userId;
        Transport = transport;
        Server = server;
        _timeProvider = timeProvider;
        _lastActivityTicks = timeProvider.GetUtcNow().UtcTicks;
        RunTask = server.RunAsync(_closed.Token);
    }

    public string Id { get; }

    /// <summary>The user who created the session, or null when it was created anonymously.</summary>
    public string? UserId { get; }

    public StreamableHttpServerTransport Transport { get; }

    public McpServer Server { get; }

    /// <summary>Cancelled when the session ends, which ends its in-flight requests and streams.</summary>
    public CancellationToken Closed => _closed.Token;

    public Task RunTask { get; }

    /// <summary>The standalone GET stream of unsolicited messages, opened once and then resumed.</summary>
    public StandaloneStreamSlot StandaloneStream { get; } = new();

    /// <summary>When the session was last used; a session with a request in progress counts as in use now.</summary>
    public DateTimeOffset LastActivity => _activeRequests > 0
        ? _timeProvider.GetUtcNow()
        : new DateTimeOffset(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    public bool IsIdleSince(DateTimeOffset cutoff) => Volatile.Read(ref _activeRequests) == 0 && LastActivity < cutoff;

    /// <summary>Marks the session in use until the returned lease is disposed.</summary>
    public ActivityLease BeginRequest()
    {
        Interlocked.Increment(ref _activeRequests);
        Touch();
        return new ActivityLease(this);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _closed.CancelAsync();
        await Transport.DisposeAsync();
        try
        {
            await RunTask;
        }
        catch (OperationCanceledException)
        {
            // The run loop ends by cancellation: that is how a session stops.
        }

        await Server.DisposeAsync();
        _closed.Dispose();
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivityTicks, _timeProvider.GetUtcNow().UtcTicks);

    /// <summary>Ends a request's hold on the session and records the activity.</summary>
    public readonly struct ActivityLease(McpSession session) : IDisposable
    {
        public void Dispose()
        {
            session.Touch();
            Interlocked.Decrement(ref session._activeRequests);
        }
    }
}
