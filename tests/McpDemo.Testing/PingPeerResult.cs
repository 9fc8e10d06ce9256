namespace McpDemo.Testing;

/// <summary>
/// What <c>eng/tools/ping-peer.mjs</c> (the TypeScript SDK client) saw: the <c>RESULT {json}</c> line it prints last.
/// </summary>
/// <param name="SessionId">The <c>Mcp-Session-Id</c> the server handed out, or null when stateless.</param>
/// <param name="Tools">The tool names <c>tools/list</c> returned.</param>
/// <param name="Pongs">The text of each <c>ping</c> answer, in call order.</param>
public sealed record PingPeerResult(string? SessionId, string[] Tools, string[] Pongs)
{
    /// <summary>Reads the last <c>RESULT</c> line of the peer's output.</summary>
    public static PingPeerResult Parse(string output) => ResultLine.Parse<PingPeerResult>(output);
}
