using ModelContextProtocol.AspNetCore;

namespace McpDemo.Guards;

/// <summary>
/// Settings of the guarded MCP endpoint, bound from the <c>Mcp</c> configuration section
/// (for example <c>--Mcp:SessionMode=Stateful</c> or <c>Mcp__ApiKeys__0=...</c>).
/// </summary>
public sealed class McpEndpointOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mcp";

    /// <summary>The <see cref="SessionMode"/> that serves every request without a session.</summary>
    public const string Stateless = nameof(Stateless);

    /// <summary>The <see cref="SessionMode"/> that gives clients that initialize (2025-11-25 and earlier) a legacy session.</summary>
    public const string Stateful = nameof(Stateful);

    /// <summary>
    /// <c>Stateless</c> (the default) or <c>Stateful</c>, case-insensitive: the values of the server's command line
    /// (<c>--Mcp:SessionMode</c>). The SDK mode each one means is <see cref="TransportSessionMode"/>.
    /// </summary>
    public string SessionMode { get; set; } = Stateless;

    /// <summary>
    /// The SDK's mode for <see cref="SessionMode"/>:
    /// <list type="bullet">
    /// <item><c>Stateless</c>: <see cref="HttpServerSessionMode.Stateless"/>. 2026-07-28 clients, and 2025 clients that
    /// can live without server-to-client requests, are served by whichever replica gets the request.</item>
    /// <item><c>Stateful</c>: <see cref="HttpServerSessionMode.StatefulForInitializeClients"/>, not the SDK's
    /// <see cref="HttpServerSessionMode.Stateful"/> (which refuses 2026-07-28 clients): clients that send
    /// <c>initialize</c> get a legacy session with its GET stream, <c>Last-Event-ID</c> resume, DELETE and
    /// server-to-client requests, and 2026-07-28 clients are still served statelessly on the same endpoint.</item>
    /// </list>
    /// </summary>
    public HttpServerSessionMode TransportSessionMode =>
        string.Equals(SessionMode, Stateful, StringComparison.OrdinalIgnoreCase)
            ? HttpServerSessionMode.StatefulForInitializeClients
            : HttpServerSessionMode.Stateless;

    /// <summary>A legacy session with no request for this long is ended. Default 2 hours.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>At most this many idle legacy sessions are kept; past it the longest-idle ones are ended first.</summary>
    public int MaxIdleSessions { get; set; } = 10_000;

    /// <summary>
    /// Largest accepted request body in bytes, below Kestrel's 30 MB; larger bodies get 413 (the MCP endpoint's
    /// request size limit metadata, see <c>WithMcpRequestSizeLimit</c>). Default 4 MiB.
    /// </summary>
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
    /// (<c>Authorization: Bearer &lt;key&gt;</c>); when none is (and <see cref="Auth"/> is off), the endpoint is open
    /// (and loopback-bound by default). Not together with <see cref="Auth"/>: a server takes one kind of credential.
    /// </summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>OAuth 2.1 access tokens (<c>Mcp:Auth</c>): on when <c>Mcp:Auth:Authority</c> is set.</summary>
    public McpAuthOptions Auth { get; set; } = new();
}
