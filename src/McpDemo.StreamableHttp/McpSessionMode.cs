namespace McpDemo.StreamableHttp;

/// <summary>How the Streamable HTTP endpoint treats <c>Mcp-Session-Id</c>.</summary>
public enum McpSessionMode
{
    /// <summary>No sessions: every POST is self-contained, so any replica can answer it. GET and DELETE get 405.</summary>
    Stateless,

    /// <summary>Sessions minted on initialize, with a GET stream for server-initiated messages, resumability and DELETE.</summary>
    Stateful,
}
