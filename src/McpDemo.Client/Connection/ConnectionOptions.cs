namespace McpDemo.Client.Connection;

/// <summary>How an <see cref="McpConnection"/> talks to the server.</summary>
internal sealed record ConnectionOptions
{
    /// <summary>
    /// The newest protocol revision that still has Streamable HTTP sessions (<c>Mcp-Session-Id</c>).
    /// Later revisions are sessionless, so asking for a session means pinning this one.
    /// </summary>
    public const string SessionProtocolVersion = "2025-11-25";

    /// <summary>For one-shot calls: the newest protocol the server speaks, no standalone GET stream.</summary>
    public static ConnectionOptions Default { get; } = new();

    /// <summary>
    /// Opens a Streamable HTTP session (<c>Mcp-Session-Id</c>), so every request of this connection
    /// reaches the replica that holds it. When <see langword="false"/>, the client negotiates the newest
    /// revision the server offers, which may be sessionless.
    /// </summary>
    public bool RequireSession { get; init; }

    /// <summary>Keeps the standalone GET stream open so the server can push notifications outside any request.</summary>
    public bool ReceiveServerMessages { get; init; }
}
