using McpDemo.Gateway.Affinity;
using McpDemo.Gateway.Mcp;
using McpDemo.Gateway.RateLimiting;

namespace McpDemo.Gateway;

/// <summary>
/// The gateway's settings, bound from the <c>Gateway</c> configuration section
/// (e.g. <c>--Gateway:Service=server</c> or <c>Gateway__HealthChecks__Interval=00:00:05</c>).
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>
    /// The referenced service whose replicas receive the traffic: the gateway reads
    /// <c>services:{Service}:http:{i}</c> (and <c>https</c>), the keys an Aspire AppHost injects. Default <c>server</c>.
    /// </summary>
    public string Service { get; set; } = "server";

    /// <summary>How the MCP request headers are checked.</summary>
    public McpRoutingOptions Routing { get; set; } = new();

    /// <summary>Per-tool, per-client rate limits.</summary>
    public ToolRateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Pinning clients to replicas with a load-balancer cookie.</summary>
    public CookieAffinityOptions Cookie { get; set; } = new();

    /// <summary>Whether legacy sessions are kept on their replica.</summary>
    public SessionRoutingOptions Sessions { get; set; } = new();

    /// <summary>The key that wraps a legacy session's <c>Mcp-Session-Id</c> with its replica.</summary>
    public SessionAffinityOptions Affinity { get; set; } = new();

    /// <summary>Active and passive health checks of the replicas.</summary>
    public ReplicaHealthOptions HealthChecks { get; set; } = new();

    /// <summary>How long proxied exchanges may stay idle.</summary>
    public ProxyTimeoutOptions Timeouts { get; set; } = new();
}
