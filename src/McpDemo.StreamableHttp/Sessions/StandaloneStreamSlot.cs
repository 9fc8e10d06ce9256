namespace McpDemo.StreamableHttp.Sessions;

/// <summary>
/// A session's one standalone GET stream, where unsolicited server messages go. Core's transport serves that stream
/// once per session, so after the first GET it can only be continued from the event store with <c>Last-Event-ID</c>.
/// One reader at a time holds it: two live readers would each see messages the other already delivered.
/// </summary>
internal sealed class StandaloneStreamSlot
{
    private int _held;
    private int _transportStreamStarted;

    /// <summary>Claims the stream for one reader; false while another reader holds it.</summary>
    public bool TryHold() => Interlocked.CompareExchange(ref _held, 1, 0) == 0;

    /// <summary>Lets the next reader claim the stream.</summary>
    public void Release() => Volatile.Write(ref _held, 0);

    /// <summary>True the first time only: a second start would make Core throw after the response headers were sent.</summary>
    public bool TryStartTransportStream() => Interlocked.Exchange(ref _transportStreamStarted, 1) == 0;
}
