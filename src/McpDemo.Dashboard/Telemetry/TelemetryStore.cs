namespace McpDemo.Dashboard.Telemetry;

/// <summary>
/// The dashboard's in-memory telemetry: bounded ring buffers of spans, log records and metric
/// points, and the queries the pages run over them. Safe to write and query from any thread.
/// </summary>
public sealed class TelemetryStore
{
    private readonly RingBuffer<SpanData> _spans;
    private readonly RingBuffer<LogEntry> _logs;
    private readonly RingBuffer<MetricPoint> _metrics;

    /// <summary>Creates an empty store that keeps at most what <paramref name="limits"/> allows.</summary>
    public TelemetryStore(TelemetryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _spans = new(limits.MaxSpans);
        _logs = new(limits.MaxLogs);
        _metrics = new(limits.MaxMetricPoints);
    }

    /// <summary>The number of spans held.</summary>
    public int SpanCount => _spans.Count;

    /// <summary>The number of log records held.</summary>
    public int LogCount => _logs.Count;

    /// <summary>The number of metric points held.</summary>
    public int MetricPointCount => _metrics.Count;

    /// <summary>Adds spans, dropping the oldest past the cap.</summary>
    public void AddSpans(IEnumerable<SpanData> spans) => _spans.AddRange(spans);

    /// <summary>Adds log records, dropping the oldest past the cap.</summary>
    public void AddLogs(IEnumerable<LogEntry> logs) => _logs.AddRange(logs);

    /// <summary>Adds metric points, dropping the oldest past the cap.</summary>
    public void AddMetricPoints(IEnumerable<MetricPoint> points) => _metrics.AddRange(points);

    /// <summary>Every service that has sent any telemetry, sorted.</summary>
    public IReadOnlyList<string> GetServices() =>
        [.. _spans.Snapshot().Select(s => s.Resource.ServiceName)
            .Concat(_logs.Snapshot().Select(l => l.Resource.ServiceName))
            .Concat(_metrics.Snapshot().Select(m => m.Resource.ServiceName))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>The newest traces first, optionally only those touching <paramref name="service"/>.</summary>
    public IReadOnlyList<TraceSummary> GetTraces(string? service = null, int limit = 200) =>
        [.. _spans.Snapshot()
            .GroupBy(s => s.TraceId)
            .Where(trace => service is null || trace.Any(s => s.Resource.ServiceName == service))
            .Select(Summarize)
            .OrderByDescending(t => t.StartTime)
            .Take(limit)];

    /// <summary>A trace's spans in start order; empty when the trace is unknown or has aged out.</summary>
    public IReadOnlyList<SpanData> GetTrace(string traceId) =>
        [.. _spans.Snapshot().Where(s => s.TraceId == traceId).OrderBy(s => s.StartTime)];

    /// <summary>The newest log records matching <paramref name="query"/>, oldest first.</summary>
    public IReadOnlyList<LogEntry> GetLogs(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. _logs.Snapshot()
            .Where(l => query.Service is null || l.Resource.ServiceName == query.Service)
            .Where(l => query.MinimumLevel is null || l.Level >= query.MinimumLevel)
            .Where(l => query.TraceId is null || l.TraceId == query.TraceId)
            .Where(l => string.IsNullOrEmpty(query.Text) || Mentions(l, query.Text))
            .OrderBy(l => l.Timestamp)
            .TakeLast(query.Limit)];
    }

    /// <summary>Every instrument received, sorted by name.</summary>
    public IReadOnlyList<MetricInfo> GetMetrics() =>
        [.. _metrics.Snapshot()
            .GroupBy(p => p.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.Last();
                return new MetricInfo(g.Key, latest.Kind, latest.Unit, latest.Description,
                    [.. g.Select(p => p.Resource.ServiceName).Distinct().Order(StringComparer.Ordinal)]);
            })];

    /// <summary>An instrument's points, oldest first, optionally from one service only.</summary>
    public IReadOnlyList<MetricPoint> GetMetricPoints(string name, string? service = null) =>
        [.. _metrics.Snapshot().Where(p => p.Name == name && (service is null || p.Resource.ServiceName == service))];

    /// <summary>
    /// A chart of <paramref name="name"/> over the last <paramref name="window"/>, shaped by its
    /// kind: a histogram as <paramref name="view"/> asks (rate or percentiles), a counter as a rate,
    /// a gauge or up-down counter as values per replica.
    /// </summary>
    public MetricChart GetChart(string name, MetricView view, TimeSpan window, string? service = null)
    {
        var points = GetMetricPoints(name, service);
        var chartWindow = new ChartWindow(window, DateTime.UtcNow);
        var kind = points.Count == 0 ? MetricKind.Gauge : points[^1].Kind;
        var unit = points.Count == 0 ? "" : points[^1].Unit;
        return kind switch
        {
            MetricKind.Histogram when view == MetricView.Percentiles => MetricCharts.Percentiles(name, unit, points, chartWindow),
            MetricKind.Histogram => MetricCharts.Rate(name, points, chartWindow),
            MetricKind.Sum when points[^1].IsMonotonic => MetricCharts.Rate(name, points, chartWindow),
            _ => MetricCharts.Gauge(name, unit, points, chartWindow),
        };
    }

    private static TraceSummary Summarize(IGrouping<string, SpanData> trace)
    {
        var spans = trace.OrderBy(s => s.StartTime).ToList();
        var spanIds = spans.Select(s => s.SpanId).ToHashSet();
        var root = spans.FirstOrDefault(s => s.ParentSpanId is null)
            ?? spans.FirstOrDefault(s => !spanIds.Contains(s.ParentSpanId!))
            ?? spans[0];
        var start = spans[0].StartTime;
        var end = spans.Max(s => s.EndTime);
        return new TraceSummary(
            trace.Key,
            root.Name,
            root.Resource.ServiceName,
            [.. spans.Select(s => s.Resource.ServiceName).Distinct()],
            start,
            end - start,
            spans.Count,
            spans.Any(s => s.Status == SpanStatus.Error));
    }

    private static bool Mentions(LogEntry log, string text) =>
        log.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || log.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
        || log.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
}
