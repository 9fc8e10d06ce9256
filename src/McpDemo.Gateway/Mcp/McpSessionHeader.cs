namespace McpDemo.Gateway.Mcp;

/// <summary>The MCP Streamable HTTP session header.</summary>
internal static class McpSessionHeader
{
    /// <summary>The header a server mints on initialize and the client sends on every later request.</summary>
    public const string Name = "Mcp-Session-Id";

    /// <summary>The session id a request carries, if exactly one non-empty one.</summary>
    public static string? Of(HttpRequest request) =>
        request.Headers[Name] is [{ Length: > 0 } sessionId] ? sessionId : null;
}
