using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Publishing;

/// <summary>
/// What publishers need to know about an McpDemo MCP server that the generic model does not say:
/// its session mode (read from the <c>Mcp:SessionMode</c> it is configured with, so it is declared once,
/// in the topology) and the setting that lists the Host names it answers to.
/// </summary>
public static class McpServerConventions
{
    /// <summary>The configuration key of the session mode.</summary>
    public const string SessionModeKey = "Mcp:SessionMode";

    /// <summary>
    /// The environment variable prefix of <c>Mcp:AllowedHosts</c>: behind a proxy or load balancer the
    /// Host header is a name the server must be told to accept (<c>Mcp__AllowedHosts__0</c>, <c>__1</c>, ...).
    /// </summary>
    public const string AllowedHostsVariablePrefix = "Mcp__AllowedHosts__";

    /// <summary>The path a load balancer probes for readiness.</summary>
    public const string HealthPath = "/health";

    /// <summary>The path MCP clients talk to.</summary>
    public const string McpPath = "/mcp";

    /// <summary>Whether <paramref name="resource"/> is an MCP server: it is configured with a session mode.</summary>
    public static bool IsMcpServer(Resource resource) => ResourceConfiguration.GetValue(resource, SessionModeKey) is not null;

    /// <summary>Whether the server keeps sessions (so a load balancer must pin each client to one replica).</summary>
    public static bool IsStateful(Resource resource) =>
        string.Equals(ResourceConfiguration.GetValue(resource, SessionModeKey), "Stateful", StringComparison.OrdinalIgnoreCase);
}
