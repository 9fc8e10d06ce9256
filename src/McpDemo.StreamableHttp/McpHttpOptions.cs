namespace McpDemo.StreamableHttp;

/// <summary>
/// Settings of the Streamable HTTP endpoint, bound from the <c>Mcp</c> configuration section
/// (for example <c>--Mcp:SessionMode=Stateful</c>).
/// </summary>
public sealed class McpHttpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mcp";

    /// <summary>Stateless (the default) or stateful.</summary>
    public McpSessionMode SessionMode { get; set; } = McpSessionMode.Stateless;

    /// <summary>A stateful session with no request for this long is ended. Default 2 hours.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>At most this many live sessions; past it the longest-idle session is evicted first.</summary>
    public int MaxSessions { get; set; } = 10_000;

    /// <summary>Largest accepted request body in bytes; larger bodies get 413. Default 4 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Host header values accepted besides loopback names (DNS-rebinding protection).
    /// <c>*</c> accepts any host, for use behind a trusted load balancer.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Origin header values accepted besides loopback origins. Requests without Origin are accepted.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>When not empty, requests must carry <c>Authorization: Bearer &lt;key&gt;</c> with one of these keys.</summary>
    public string[] ApiKeys { get; set; } = [];
}
