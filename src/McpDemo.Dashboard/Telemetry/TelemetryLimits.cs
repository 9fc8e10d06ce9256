namespace McpDemo.Dashboard.Telemetry;

/// <summary>
/// How much telemetry the dashboard keeps in memory. Past a cap the oldest items are dropped, so a
/// day-long run stays bounded (roughly 1 KiB per span or log record, a little less per metric point).
/// </summary>
public sealed record TelemetryLimits
{
    /// <summary>Spans kept, across all traces. Default 20,000.</summary>
    public int MaxSpans { get; init; } = 20_000;

    /// <summary>Log records kept. Default 20,000.</summary>
    public int MaxLogs { get; init; } = 20_000;

    /// <summary>Metric data points kept, across all instruments. Default 100,000.</summary>
    public int MaxMetricPoints { get; init; } = 100_000;
}
