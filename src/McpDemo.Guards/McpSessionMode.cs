namespace McpDemo.Guards;

/// <summary>How the MCP endpoint treats sessions (<c>Mcp:SessionMode</c>).</summary>
public enum McpSessionMode
{
    /// <summary>
    /// No sessions: 2026-07-28 clients, and 2025 clients that can live without server-to-client requests,
    /// are served by whichever replica gets the request.
    /// </summary>
    Stateless,

    /// <summary>
    /// Clients that send <c>initialize</c> (2025-11-25 and earlier) get a legacy session with its GET stream,
    /// <c>Last-Event-ID</c> resume, DELETE and server-to-client requests; 2026-07-28 clients are still served
    /// statelessly on the same endpoint (the SDK's <c>StatefulForInitializeClients</c>).
    /// </summary>
    Stateful,
}
