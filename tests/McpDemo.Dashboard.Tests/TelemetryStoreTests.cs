using McpDemo.Dashboard.Telemetry;
using Microsoft.Extensions.Logging;

namespace McpDemo.Dashboard.Tests;

public sealed class TelemetryStoreTests
{
    private static readonly DateTime s_t0 = DateTime.UtcNow.AddSeconds(-30);

    [Fact]
    public void Store_KeepsOnlyTheNewestItems_UpToEachCap()
    {
        var store = new TelemetryStore(new TelemetryLimits { MaxSpans = 3, MaxLogs = 2, MaxMetricPoints = 4 });

        store.AddSpans(Enumerable.Range(0, 10).Select(i => Span($"trace{i}", $"span{i}", null, "server", i, i + 1)));
        store.AddLogs(Enumerable.Range(0, 10).Select(i => Log($"message {i}", LogLevel.Information, "server")));
        store.AddMetricPoints(Enumerable.Range(0, 10).Select(i => Gauge("g", "server-1", i, i)));

        Assert.Equal((3, 2, 4), (store.SpanCount, store.LogCount, store.MetricPointCount));
        Assert.Equal(["trace9", "trace8", "trace7"], store.GetTraces().Select(t => t.TraceId));
        Assert.Equal(["message 8", "message 9"], store.GetLogs(new LogQuery()).Select(l => l.Message));
        Assert.Equal([6.0, 7, 8, 9], store.GetMetricPoints("g").Select(p => p.Value));
    }

    [Fact]
    public async Task Store_StaysConsistent_UnderConcurrentWritersAndReaders()
    {
        var store = new TelemetryStore(new TelemetryLimits { MaxSpans = 500 });

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                store.AddSpans([Span($"t{w}-{i}", "s", null, "server", 0, 1)]);
            }
        }));
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.InRange(store.GetTraces(limit: 1000).Count, 0, 500);
            }
        });
        await Task.WhenAll([.. writers, reader]);

        Assert.Equal(500, store.SpanCount);
        Assert.Equal(500, store.GetTraces(limit: 1000).Count);
    }

    [Fact]
    public void Traces_AreSummarizedFromTheirSpans_AndFilteredByService()
    {
        var store = new TelemetryStore(new TelemetryLimits());
        store.AddSpans(
        [
            Span("a", "1", null, "client", 0, 50),
            Span("a", "2", "1", "gateway", 5, 45),
            Span("a", "3", "2", "server", 10, 40) with { Status = SpanStatus.Error },
            Span("b", "4", "missing-parent", "server", 100, 110),
        ]);

        var traces = store.GetTraces();

        var a = Assert.Single(traces, t => t.TraceId == "a");
        Assert.Equal(("root-1", "client", 3, true), (a.RootName, a.RootService, a.SpanCount, a.HasError));
        Assert.Equal(["client", "gateway", "server"], a.Services);
        Assert.Equal(TimeSpan.FromMilliseconds(50), a.Duration);
        var b = Assert.Single(traces, t => t.TraceId == "b");
        Assert.Equal(("root-4", false), (b.RootName, b.HasError));
        Assert.Equal(["b", "a"], traces.Select(t => t.TraceId));
        Assert.Equal(["a"], store.GetTraces(service: "gateway").Select(t => t.TraceId));
        Assert.Equal(["1", "2", "3"], store.GetTrace("a").Select(s => s.SpanId));
        Assert.Empty(store.GetTrace("unknown"));
    }

    [Fact]
    public void Logs_AreFilteredByServiceLevelTextAndTrace()
    {
        var store = new TelemetryStore(new TelemetryLimits());
        store.AddLogs(
        [
            Log("listening", LogLevel.Information, "server"),
            Log("slow call", LogLevel.Warning, "server") with { TraceId = "t1" },
            Log("replica down", LogLevel.Error, "gateway") with { Attributes = [new("replica", "server-2")] },
        ]);

        Assert.Equal(["slow call", "replica down"], Messages(new LogQuery { MinimumLevel = LogLevel.Warning }));
        Assert.Equal(["listening", "slow call"], Messages(new LogQuery { Service = "server" }));
        Assert.Equal(["replica down"], Messages(new LogQuery { Text = "SERVER-2" }));
        Assert.Equal(["slow call"], Messages(new LogQuery { TraceId = "t1" }));
        Assert.Equal(["replica down"], Messages(new LogQuery { Limit = 1 }));

        IEnumerable<string> Messages(LogQuery query) => store.GetLogs(query).Select(l => l.Message);
    }

    [Fact]
    public void RateChart_DifferencesCumulativeCounts_OverTheTimeTheyCover_PerReplica()
    {
        var store = new TelemetryStore(new TelemetryLimits());
        store.AddMetricPoints(
        [
            Histogram("server-1", start: s_t0, at: s_t0.AddSeconds(10), count: 10, buckets: [10, 0]),
            Histogram("server-1", start: s_t0, at: s_t0.AddSeconds(20), count: 40, buckets: [30, 10]),
            Histogram("server-2", start: s_t0, at: s_t0.AddSeconds(20), count: 5, buckets: [5, 0]),
        ]);

        var chart = store.GetChart("duration", MetricView.Rate, TimeSpan.FromMinutes(5));

        Assert.Equal(["server (server-1)", "server (server-2)"], chart.Series.Select(s => s.Name));
        Assert.Equal([1.0, 3.0], chart.Series[0].Values.OfType<double>());
        Assert.Equal([0.25], chart.Series[1].Values.OfType<double>());
    }

    [Fact]
    public void RateChart_AveragesExportsThatFallInOneBucket()
    {
        var store = new TelemetryStore(new TelemetryLimits());
        var start = DateTime.UtcNow.AddMinutes(-1);
        // Exports every second, 4 requests each: 4/s whatever the bucket size.
        store.AddMetricPoints(Enumerable.Range(1, 30).Select(i => Histogram("server-1", start, start.AddSeconds(i), (ulong)(4 * i), [(ulong)(4 * i), 0])));

        var chart = store.GetChart("duration", MetricView.Rate, TimeSpan.FromMinutes(5));

        Assert.All(chart.Series.Single().Values.OfType<double>(), rate => Assert.Equal(4.0, rate, 6));
    }

    [Fact]
    public void PercentileChart_InterpolatesInsideTheBucketOfTheRank_InMilliseconds()
    {
        var store = new TelemetryStore(new TelemetryLimits());
        // 100 values: 50 in (0, 0.01], 40 in (0.01, 0.1], 10 in (0.1, 1].
        store.AddMetricPoints([Histogram("server-1", start: s_t0, at: s_t0.AddSeconds(10), count: 100, buckets: [50, 40, 10, 0], bounds: [0.01, 0.1, 1])]);

        var chart = store.GetChart("duration", MetricView.Percentiles, TimeSpan.FromMinutes(5));

        Assert.Equal("ms", chart.Unit);
        var values = chart.Series.ToDictionary(s => s.Name, s => Assert.Single(s.Values.OfType<double>()));
        Assert.Equal(10, values["p50"], 6);
        Assert.Equal(100, values["p90"], 6);
        Assert.Equal(910, values["p99"], 6);
    }

    [Fact]
    public void GaugeChart_ShowsTheLatestValuePerReplica()
    {
        var store = new TelemetryStore(new TelemetryLimits());
        store.AddMetricPoints([Gauge("sessions", "server-1", 20, 2), Gauge("sessions", "server-1", 0, 4), Gauge("sessions", "server-2", 0, 7)]);

        var chart = store.GetChart("sessions", MetricView.Rate, TimeSpan.FromMinutes(5));

        Assert.Equal([2.0, 4.0], chart.Series.Single(s => s.Name == "server (server-1)").Values.OfType<double>());
        Assert.Equal([7.0], chart.Series.Single(s => s.Name == "server (server-2)").Values.OfType<double>());
    }

    private static SpanData Span(string traceId, string spanId, string? parent, string service, double startMs, double endMs) => new()
    {
        TraceId = traceId,
        SpanId = spanId,
        ParentSpanId = parent,
        Name = "root-" + spanId,
        Kind = "Internal",
        Resource = new TelemetryResource(service, service + "-1"),
        StartTime = s_t0.AddMilliseconds(startMs),
        EndTime = s_t0.AddMilliseconds(endMs),
    };

    private static LogEntry Log(string message, LogLevel level, string service) => new()
    {
        Timestamp = DateTime.UtcNow,
        Level = level,
        Message = message,
        Resource = new TelemetryResource(service, service + "-1"),
    };

    private static MetricPoint Gauge(string name, string instance, double secondsAgo, double value) => new()
    {
        Name = name,
        Kind = MetricKind.Gauge,
        Resource = new TelemetryResource("server", instance),
        Time = DateTime.UtcNow.AddSeconds(-secondsAgo),
        Value = value,
    };

    private static MetricPoint Histogram(string instance, DateTime start, DateTime at, ulong count, ulong[] buckets, double[]? bounds = null) => new()
    {
        Name = "duration",
        Unit = "s",
        Kind = MetricKind.Histogram,
        Resource = new TelemetryResource("server", instance),
        StartTime = start,
        Time = at,
        Count = count,
        BucketCounts = buckets,
        ExplicitBounds = bounds ?? [0.1],
    };
}
