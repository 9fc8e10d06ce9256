namespace McpDemo.Testing;

/// <summary>Header names of the MCP Streamable HTTP transport, as a raw client sends and reads them.</summary>
public static class McpHeaders
{
    /// <summary>The legacy session id a 2025-11-25 server hands out and every later request carries.</summary>
    public const string SessionId = "Mcp-Session-Id";

    /// <summary>The protocol revision of the request.</summary>
    public const string ProtocolVersion = "MCP-Protocol-Version";

    /// <summary>The id of the last event seen, to resume a stream after it.</summary>
    public const string LastEventId = "Last-Event-ID";

    /// <summary>The JSON-RPC method, mirrored in a header (2026-07-28) so a proxy routes without reading the body.</summary>
    public const string Method = "Mcp-Method";

    /// <summary>The tool, prompt or resource the request names, mirrored like <see cref="Method"/>.</summary>
    public const string Name = "Mcp-Name";
}
