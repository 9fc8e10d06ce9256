namespace McpDemo.Dashboard.Telemetry;

/// <summary>The OTLP metric data types the dashboard stores.</summary>
public enum MetricKind
{
    /// <summary>A sampled current value (observable gauge).</summary>
    Gauge,

    /// <summary>A sum: a counter when monotonic, an up-down counter when not.</summary>
    Sum,

    /// <summary>A histogram with explicit bucket bounds.</summary>
    Histogram,
}
