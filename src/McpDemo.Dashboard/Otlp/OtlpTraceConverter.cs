using McpDemo.Dashboard.Otlp.Proto.Collector.Trace;
using McpDemo.Dashboard.Otlp.Proto.Trace;
using McpDemo.Dashboard.Telemetry;

namespace McpDemo.Dashboard.Otlp;

/// <summary>Turns an OTLP trace export into stored spans.</summary>
internal static class OtlpTraceConverter
{
    public static IEnumerable<SpanData> ToSpans(ExportTraceServiceRequest request) =>
        from resourceSpans in request.ResourceSpans
        let resource = OtlpConvert.ToResource(resourceSpans.Resource)
        from scopeSpans in resourceSpans.ScopeSpans
        from span in scopeSpans.Spans
        let traceId = OtlpConvert.ToId(span.TraceId)
        let spanId = OtlpConvert.ToId(span.SpanId)
        where traceId is not null && spanId is not null
        select new SpanData
        {
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = OtlpConvert.ToId(span.ParentSpanId),
            Name = span.Name,
            Kind = KindName(span.Kind),
            Resource = resource,
            Scope = scopeSpans.Scope?.Name ?? "",
            StartTime = OtlpConvert.ToTime(span.StartTimeUnixNano),
            EndTime = OtlpConvert.ToTime(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
            Status = span.Status?.Code switch
            {
                Status.Types.StatusCode.Error => SpanStatus.Error,
                Status.Types.StatusCode.Ok => SpanStatus.Ok,
                _ => SpanStatus.Unset,
            },
            StatusMessage = span.Status?.Message ?? "",
            Attributes = OtlpConvert.ToAttributes(span.Attributes),
            Events = [.. span.Events.Select(e => new SpanEvent(e.Name, OtlpConvert.ToTime(e.TimeUnixNano), OtlpConvert.ToAttributes(e.Attributes)))],
        };

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Internal => "Internal",
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Unspecified",
    };
}
