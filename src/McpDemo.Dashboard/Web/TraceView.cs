using McpDemo.Dashboard.Telemetry;

namespace McpDemo.Dashboard.Web;

/// <summary>A trace shaped for the waterfall: span offsets and durations in milliseconds from the trace start.</summary>
internal sealed record TraceView(string TraceId, DateTime StartTime, double DurationMs, IReadOnlyList<TraceView.Span> Spans)
{
    public static TraceView? From(string traceId, IReadOnlyList<SpanData> spans)
    {
        if (spans.Count == 0)
        {
            return null;
        }
        var start = spans.Min(s => s.StartTime);
        var end = spans.Max(s => s.EndTime);
        return new TraceView(traceId, start, (end - start).TotalMilliseconds, [.. spans.Select(s => new Span(
            s.SpanId,
            s.ParentSpanId,
            s.Name,
            s.Kind,
            s.Resource.ServiceName,
            s.Resource.InstanceId,
            s.Scope,
            (s.StartTime - start).TotalMilliseconds,
            s.Duration.TotalMilliseconds,
            s.Status,
            s.StatusMessage,
            s.Attributes,
            s.Events))]);
    }

    internal sealed record Span(
        string SpanId,
        string? ParentSpanId,
        string Name,
        string Kind,
        string Service,
        string InstanceId,
        string Scope,
        double OffsetMs,
        double DurationMs,
        SpanStatus Status,
        string StatusMessage,
        IReadOnlyList<TelemetryAttribute> Attributes,
        IReadOnlyList<SpanEvent> Events);
}
