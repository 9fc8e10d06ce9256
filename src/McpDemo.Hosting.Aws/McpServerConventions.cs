namespace McpDemo.Hosting.Aws;

/// <summary>The paths of an McpDemo MCP server that a load balancer and its clients use (DESIGN.md).</summary>
internal static class McpServerConventions
{
    /// <summary>The path a load balancer probes for readiness.</summary>
    public const string HealthPath = "/health";

    /// <summary>The path MCP clients talk to.</summary>
    public const string McpPath = "/mcp";
}
