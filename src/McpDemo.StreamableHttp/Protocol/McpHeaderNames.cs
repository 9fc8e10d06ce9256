namespace McpDemo.StreamableHttp.Protocol;

/// <summary>HTTP header names of the Streamable HTTP transport.</summary>
internal static class McpHeaderNames
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";
    public const string LastEventId = "Last-Event-ID";
}
