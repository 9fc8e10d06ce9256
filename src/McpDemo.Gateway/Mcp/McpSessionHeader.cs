namespace McpDemo.Gateway.Mcp;

/// <summary>The MCP Streamable HTTP session header.</summary>
internal static class McpSessionHeader
{
    /// <summary>The header a server mints on initialize and the client sends on every later request.</summary>
    public const string Name = "Mcp-Session-Id";

    /// <summary>
    /// Whether the request names a session at all; <paramref name="sessionId"/> is its id when it names exactly one,
    /// and <see langword="null"/> when the header is empty or repeated, which names no session that exists.
    /// </summary>
    public static bool IsPresent(HttpRequest request, out string? sessionId)
    {
        var values = request.Headers[Name];
        sessionId = values is [{ Length: > 0 } single] ? single : null;
        return values.Count > 0;
    }
}
