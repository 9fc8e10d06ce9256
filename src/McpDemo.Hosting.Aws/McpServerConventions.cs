namespace McpDemo.Hosting.Aws;

/// <summary>
/// What the AWS step needs to know about an McpDemo MCP server that Aspire's model does not say: its session
/// mode (read from the <c>--Mcp:SessionMode=</c> argument it is started with, so it is declared once, in the
/// AppHost) and the settings that list the Host names it answers to.
/// </summary>
internal static class McpServerConventions
{
    /// <summary>The argument prefix that sets the session mode.</summary>
    public const string SessionModeArgument = "--Mcp:SessionMode=";

    /// <summary>
    /// The environment variable prefix of <c>Mcp:AllowedHosts</c>: behind a load balancer the Host header is a
    /// name the server must be told to accept (<c>Mcp__AllowedHosts__0</c>, <c>__1</c>, ...).
    /// </summary>
    public const string AllowedHostsVariablePrefix = "Mcp__AllowedHosts__";

    /// <summary>The path a load balancer probes for readiness.</summary>
    public const string HealthPath = "/health";

    /// <summary>The path MCP clients talk to.</summary>
    public const string McpPath = "/mcp";

    /// <summary>Whether a server started with <paramref name="args"/> is an MCP server (it is given a session mode).</summary>
    public static bool IsMcpServer(IEnumerable<string> args) => args.Any(a => a.StartsWith(SessionModeArgument, StringComparison.Ordinal));

    /// <summary>Whether a server started with <paramref name="args"/> keeps sessions, so a load balancer must pin each client to one replica.</summary>
    public static bool IsStateful(IEnumerable<string> args) =>
        args.Any(a => string.Equals(a, SessionModeArgument + "Stateful", StringComparison.OrdinalIgnoreCase));
}
