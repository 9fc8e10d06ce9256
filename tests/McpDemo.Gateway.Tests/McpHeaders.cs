namespace McpDemo.Gateway.Tests;

/// <summary>Header names of the MCP Streamable HTTP transport.</summary>
internal static class McpHeaders
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";
    public const string LastEventId = "Last-Event-ID";
    public const string Method = "Mcp-Method";
    public const string Name = "Mcp-Name";
}
