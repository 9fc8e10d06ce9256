using McpDemo.Gateway.Affinity;
using McpDemo.Gateway.Mcp;
using McpDemo.Gateway.RateLimiting;
using McpDemo.Guards;

namespace McpDemo.Gateway;

/// <summary>
/// What the gateway adds to YARP, bound from the <c>Gateway</c> configuration section (e.g.
/// <c>--Gateway:Affinity:Key=BASE64</c>) and checked at start by <see cref="GatewayOptionsValidator"/>. Routes, the
/// <c>server</c> cluster, health checks, the affinity cookie and request timeouts are YARP's own
/// <c>ReverseProxy</c> section (appsettings.json).
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>How the MCP request headers are checked.</summary>
    public McpRoutingOptions Routing { get; set; } = new();

    /// <summary>Per-tool, per-client rate limits.</summary>
    public ToolRateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Whether legacy sessions are kept on their replica.</summary>
    public SessionRoutingOptions Sessions { get; set; } = new();

    /// <summary>The key that wraps a legacy session's <c>Mcp-Session-Id</c> with its replica, and protects the affinity cookie.</summary>
    public SessionAffinityOptions Affinity { get; set; } = new();

    /// <summary>Token validation at the edge: on when <c>Gateway:Auth:Authority</c> is set, with <c>Gateway:Auth:Resource</c> or <c>Gateway:Auth:AllowedClients</c>.</summary>
    public OAuthResourceOptions Auth { get; set; } = new();

    /// <summary>The idle timeout of streams.</summary>
    public StreamTimeoutOptions Timeouts { get; set; } = new();
}
