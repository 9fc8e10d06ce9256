using McpDemo.Dashboard.Telemetry;

namespace McpDemo.Dashboard;

/// <summary>Where the dashboard listens and what it keeps and charts.</summary>
public sealed record DashboardOptions
{
    /// <summary>The dashboard web UI's URL; must be a loopback address. Default <c>http://localhost:18888</c>, as Aspire's.</summary>
    public string DashboardUrl { get; init; } = "http://localhost:18888";

    /// <summary>The OTLP/HTTP receiver's URL; must be a loopback address. Default <c>http://localhost:18890</c>, as Aspire's.</summary>
    public string OtlpUrl { get; init; } = "http://localhost:18890";

    /// <summary>The name shown in the page header.</summary>
    public string ApplicationName { get; init; } = "McpDemo";

    /// <summary>How much telemetry to keep in memory.</summary>
    public TelemetryLimits Limits { get; init; } = new();

    /// <summary>The largest OTLP request body accepted, before and after decompression; larger ones get 413. Default 4 MiB.</summary>
    public long MaxOtlpRequestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Set when the services export to an OTLP endpoint of the user's own (their
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) rather than to this dashboard, so the Traces page can say where telemetry went.
    /// </summary>
    public string? ExternalOtlpEndpoint { get; init; }

    /// <summary>The histogram charted as request rate and latency percentiles. Default ASP.NET Core's <c>http.server.request.duration</c>.</summary>
    public string RequestDurationMetric { get; init; } = "http.server.request.duration";

    /// <summary>The gauge or up-down counter charted as active sessions per replica. Default <c>mcp.server.sessions.active</c>.</summary>
    public string ActiveSessionsMetric { get; init; } = "mcp.server.sessions.active";
}
