namespace McpDemo.Client.Connection;

/// <summary>How an <see cref="McpConnection"/> talks to the server.</summary>
internal sealed record ConnectionOptions
{
    /// <summary>
    /// The newest protocol revision that still has Streamable HTTP sessions (<c>Mcp-Session-Id</c>).
    /// Later revisions are sessionless, so using sessions means pinning this one.
    /// </summary>
    public const string SessionProtocolVersion = "2025-11-25";

    /// <summary>
    /// Sessions when the server offers them: a stateful server gives the connection a session (and the
    /// gateway pins it to one replica), a stateless one does not. Shows each topology as it is meant to run.
    /// </summary>
    public static ConnectionOptions Default { get; } = new() { UseSessions = true };

    /// <summary>
    /// Speak <see cref="SessionProtocolVersion"/>, so a stateful server opens a session for this connection
    /// and every request carries its <c>Mcp-Session-Id</c>. When <see langword="false"/>, the client
    /// negotiates the newest revision the server offers, which may be sessionless.
    /// </summary>
    public bool UseSessions { get; init; }

    /// <summary>Keeps the standalone GET stream open so the server can push notifications outside any request.</summary>
    public bool ReceiveServerMessages { get; init; }
}
