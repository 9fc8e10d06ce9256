using McpDemo.Dashboard.Otlp.Proto.Collector.Metrics;
using McpDemo.Dashboard.Otlp.Proto.Metrics;
using McpDemo.Dashboard.Telemetry;

namespace McpDemo.Dashboard.Otlp;

/// <summary>Turns an OTLP metrics export into stored metric points.</summary>
internal static class OtlpMetricConverter
{
    public static IEnumerable<MetricPoint> ToPoints(ExportMetricsServiceRequest request) =>
        from resourceMetrics in request.ResourceMetrics
        let resource = OtlpConvert.ToResource(resourceMetrics.Resource)
        from scopeMetrics in resourceMetrics.ScopeMetrics
        from metric in scopeMetrics.Metrics
        from point in ToPoints(metric, resource)
        select point;

    private static IEnumerable<MetricPoint> ToPoints(Metric metric, TelemetryResource resource)
    {
        var template = new MetricPoint
        {
            Name = metric.Name,
            Unit = metric.Unit,
            Description = metric.Description,
            Kind = MetricKind.Gauge,
            Resource = resource,
            Time = default,
        };
        return metric.DataCase switch
        {
            Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => FromNumber(template, p)),
            Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => FromNumber(template, p) with
            {
                Kind = MetricKind.Sum,
                IsMonotonic = metric.Sum.IsMonotonic,
                IsDelta = metric.Sum.AggregationTemporality == AggregationTemporality.Delta,
            }),
            Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => template with
            {
                Kind = MetricKind.Histogram,
                IsDelta = metric.Histogram.AggregationTemporality == AggregationTemporality.Delta,
                Attributes = OtlpConvert.ToAttributes(p.Attributes),
                StartTime = OtlpConvert.ToTime(p.StartTimeUnixNano),
                Time = OtlpConvert.ToTime(p.TimeUnixNano),
                Count = p.Count,
                Sum = p.HasSum ? p.Sum : 0,
                ExplicitBounds = [.. p.ExplicitBounds],
                BucketCounts = [.. p.BucketCounts],
            }),
            _ => [],
        };
    }

    private static MetricPoint FromNumber(MetricPoint template, NumberDataPoint point) => template with
    {
        Attributes = OtlpConvert.ToAttributes(point.Attributes),
        StartTime = OtlpConvert.ToTime(point.StartTimeUnixNano),
        Time = OtlpConvert.ToTime(point.TimeUnixNano),
        Value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
    };
}
