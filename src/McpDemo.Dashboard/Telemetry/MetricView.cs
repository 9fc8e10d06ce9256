namespace McpDemo.Dashboard.Telemetry;

/// <summary>How to chart a histogram.</summary>
public enum MetricView
{
    /// <summary>Recorded values per second, per replica.</summary>
    Rate,

    /// <summary>p50, p90 and p99 of the recorded values, over all replicas.</summary>
    Percentiles,
}
