namespace McpDemo.Dashboard.Telemetry;

/// <summary>The status of a span, as OTLP defines it.</summary>
public enum SpanStatus
{
    /// <summary>The instrumentation did not set a status.</summary>
    Unset,

    /// <summary>Explicitly marked successful.</summary>
    Ok,

    /// <summary>The operation failed.</summary>
    Error,
}
