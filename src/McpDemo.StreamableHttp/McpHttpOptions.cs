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
    /// An entry is a host name (any port) or <c>host:port</c>. <c>*</c> accepts any host, for use behind a trusted load balancer.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// Origin header values accepted besides loopback origins, such as <c>https://app.example.com</c>.
    /// <c>*</c> accepts any origin. Requests without Origin are accepted.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// A POST whose answer is one message, the response itself with nothing streamed before it, gets that message as
    /// an <c>application/json</c> body (true, the default) rather than as a one-event SSE stream. Clients must accept
    /// both; JSON is one write with a Content-Length, cheaper for every hop and friendlier to buffering proxies.
    /// Answers that stream (progress and other notifications first, or resumable stateful streams) are SSE either way.
    /// </summary>
    public bool PreferJsonResponses { get; set; } = true;

    /// <summary>When not empty, requests must carry <c>Authorization: Bearer &lt;key&gt;</c> with one of these keys.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>
    /// Stateful mode keeps this many recent SSE events per stream in memory so a client can resume
    /// with <c>Last-Event-ID</c>. Default 100.
    /// </summary>
    public int MaxEventsPerStream { get; set; } = 100;

    /// <summary>
    /// At most this many resumable POST response streams are kept in memory; past it the oldest stream is dropped.
    /// Each session's standalone GET stream is kept apart until the session ends. Default 10,000.
    /// </summary>
    public int MaxEventStreams { get; set; } = 10_000;
}
