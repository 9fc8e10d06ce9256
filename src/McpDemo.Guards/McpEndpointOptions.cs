namespace McpDemo.Guards;

/// <summary>
/// Settings of the guarded MCP endpoint, bound from the <c>Mcp</c> configuration section
/// (for example <c>--Mcp:SessionMode=Stateful</c> or <c>Mcp__ApiKeys__0=...</c>).
/// </summary>
public sealed class McpEndpointOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mcp";

    /// <summary>Stateless (the default) or Stateful (legacy sessions for clients that initialize).</summary>
    public McpSessionMode SessionMode { get; set; } = McpSessionMode.Stateless;

    /// <summary>A legacy session with no request for this long is ended. Default 2 hours.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>At most this many idle legacy sessions are kept; past it the longest-idle ones are ended first.</summary>
    public int MaxIdleSessions { get; set; } = 10_000;

    /// <summary>Largest accepted request body in bytes; larger bodies get 413. Default 4 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Host header values accepted besides loopback names (DNS-rebinding protection). An entry is a host name
    /// (any port) or <c>host:port</c>; <c>*</c> accepts any host, for use behind a load balancer that checks it.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// Origin header values accepted besides loopback origins, such as <c>https://app.example.com</c>;
    /// <c>*</c> accepts any origin. Requests without an Origin header (non-browser clients) are accepted.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Bearer keys, at least 16 characters each. When any is set, every MCP request must carry one
    /// (<c>Authorization: Bearer &lt;key&gt;</c>); when none is, the endpoint is open (and loopback-bound by default).
    /// </summary>
    public string[] ApiKeys { get; set; } = [];
}
