namespace McpDemo.Gateway.Mcp;

/// <summary>
/// What the gateway knows of an MCP POST from its headers (or, with <see cref="McpRoutingOptions.CheckBody"/>, its
/// body): set by <see cref="McpRequestMiddleware"/>, read by the rate limiter and telemetry.
/// </summary>
/// <param name="Method">The JSON-RPC method, e.g. <c>tools/call</c>.</param>
/// <param name="Name">The tool, resource URI or prompt it targets, when the method takes one.</param>
internal sealed record McpRequestFeature(string Method, string? Name)
{
    /// <summary>The tool a <c>tools/call</c> calls; <see langword="null"/> for any other method.</summary>
    public string? ToolName => Method == "tools/call" ? Name : null;
}
