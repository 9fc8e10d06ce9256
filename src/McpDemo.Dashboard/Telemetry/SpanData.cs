namespace McpDemo.Dashboard.Telemetry;

/// <summary>One received span.</summary>
public sealed record SpanData
{
    /// <summary>The trace id, 32 lowercase hex digits.</summary>
    public required string TraceId { get; init; }

    /// <summary>The span id, 16 lowercase hex digits.</summary>
    public required string SpanId { get; init; }

    /// <summary>The parent span id, or <see langword="null"/> for a root span.</summary>
    public string? ParentSpanId { get; init; }

    /// <summary>The span name, e.g. <c>POST /mcp</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The span kind: Internal, Server, Client, Producer, Consumer or Unspecified.</summary>
    public required string Kind { get; init; }

    /// <summary>The process that recorded the span.</summary>
    public required TelemetryResource Resource { get; init; }

    /// <summary>The instrumentation scope (ActivitySource) name.</summary>
    public string Scope { get; init; } = "";

    /// <summary>The start time (UTC).</summary>
    public required DateTime StartTime { get; init; }

    /// <summary>The end time (UTC).</summary>
    public required DateTime EndTime { get; init; }

    /// <summary>The span status.</summary>
    public SpanStatus Status { get; init; }

    /// <summary>The status description, set on errors.</summary>
    public string StatusMessage { get; init; } = "";

    /// <summary>The span attributes.</summary>
    public IReadOnlyList<TelemetryAttribute> Attributes { get; init; } = [];

    /// <summary>The span events.</summary>
    public IReadOnlyList<SpanEvent> Events { get; init; } = [];

    /// <summary>How long the span took.</summary>
    public TimeSpan Duration => EndTime - StartTime;
}
