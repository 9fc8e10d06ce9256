using Microsoft.Extensions.Logging;

namespace McpDemo.Dashboard.Telemetry;

/// <summary>One received log record.</summary>
public sealed record LogEntry
{
    /// <summary>When the record was written (UTC); the observed time when the sender gave none.</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>The level, mapped from the OTLP severity number.</summary>
    public required LogLevel Level { get; init; }

    /// <summary>The rendered message.</summary>
    public required string Message { get; init; }

    /// <summary>The process that wrote the record.</summary>
    public required TelemetryResource Resource { get; init; }

    /// <summary>The logger category (instrumentation scope name).</summary>
    public string Category { get; init; } = "";

    /// <summary>The trace the record was written in, or <see langword="null"/>.</summary>
    public string? TraceId { get; init; }

    /// <summary>The span the record was written in, or <see langword="null"/>.</summary>
    public string? SpanId { get; init; }

    /// <summary>The record's attributes (structured logging state).</summary>
    public IReadOnlyList<TelemetryAttribute> Attributes { get; init; } = [];
}
