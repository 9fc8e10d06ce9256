using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using McpDemo.Dashboard.Otlp.Proto.Collector.Trace;
using McpDemo.Dashboard.Otlp.Proto.Common;
using McpDemo.Dashboard.Otlp.Proto.Trace;
using McpDemo.Dashboard.Telemetry;
using Microsoft.Extensions.Logging;
using ProtoResource = McpDemo.Dashboard.Otlp.Proto.Resource.Resource;

namespace McpDemo.Dashboard.Tests;

public sealed class OtlpReceiverTests
{
    [Fact]
    public async Task Traces_FromTheOpenTelemetryExporter_AreStoredWithResourceAndAttributes()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        string traceId;
        using (var service = new OtlpTestService(dashboard.OtlpUrl, "server", "server-1"))
        {
            using var parent = service.ActivitySource.StartActivity("POST /mcp", ActivityKind.Server)!;
            parent.SetTag("http.request.method", "POST");
            parent.SetTag("mcp.method.name", "tools/call");
            using (var ping = service.ActivitySource.StartActivity("ping")!)
            {
                ping.SetStatus(ActivityStatusCode.Error, "boom");
            }
            traceId = parent.TraceId.ToHexString();
            parent.Stop();
        }

        var spans = dashboard.Telemetry.GetTrace(traceId);
        Assert.Equal(2, spans.Count);
        var root = Assert.Single(spans, s => s.ParentSpanId is null);
        Assert.Equal("POST /mcp", root.Name);
        Assert.Equal("Server", root.Kind);
        Assert.Equal(new TelemetryResource("server", "server-1"), root.Resource);
        Assert.Contains(new TelemetryAttribute("mcp.method.name", "tools/call"), root.Attributes);
        var child = Assert.Single(spans, s => s.ParentSpanId == root.SpanId);
        Assert.Equal(SpanStatus.Error, child.Status);
        Assert.Equal("boom", child.StatusMessage);

        var summary = Assert.Single(dashboard.Telemetry.GetTraces());
        Assert.Equal("POST /mcp", summary.RootName);
        Assert.True(summary.HasError);
        Assert.Equal(["server"], summary.Services);
    }

    [Fact]
    public async Task Logs_FromTheOpenTelemetryExporter_AreStoredWithLevelResourceAndTraceContext()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        string traceId;
        using (var service = new OtlpTestService(dashboard.OtlpUrl, "gateway", "gateway-7"))
        {
            var logger = service.CreateLogger("McpDemo.Gateway.Proxy");
            using var activity = service.ActivitySource.StartActivity("proxy")!;
            traceId = activity.TraceId.ToHexString();
            logger.LogWarning("Replica {Replica} answered {Status}", "server-2", 503);
        }

        var log = Assert.Single(dashboard.Telemetry.GetLogs(new LogQuery()));
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Equal("Replica server-2 answered 503", log.Message);
        Assert.Equal("McpDemo.Gateway.Proxy", log.Category);
        Assert.Equal(new TelemetryResource("gateway", "gateway-7"), log.Resource);
        Assert.Equal(traceId, log.TraceId);
        Assert.Contains(new TelemetryAttribute("Replica", "server-2"), log.Attributes);
        Assert.Contains(new TelemetryAttribute("Status", "503"), log.Attributes);
    }

    [Fact]
    public async Task Metrics_FromTheOpenTelemetryExporter_AreStoredAsHistogramsSumsAndGauges()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        using (var service = new OtlpTestService(dashboard.OtlpUrl, "server", "server-3"))
        {
            var duration = service.Meter.CreateHistogram<double>("http.server.request.duration", "s");
            duration.Record(0.004, new KeyValuePair<string, object?>("http.route", "/mcp"));
            duration.Record(0.020, new KeyValuePair<string, object?>("http.route", "/mcp"));
            service.Meter.CreateCounter<long>("requests").Add(5);
            service.Meter.CreateUpDownCounter<int>("mcp.server.sessions.active").Add(3);
            service.Meter.CreateObservableGauge("queue.length", () => 7);
        }

        var histogram = Assert.Single(dashboard.Telemetry.GetMetricPoints("http.server.request.duration"));
        Assert.Equal(MetricKind.Histogram, histogram.Kind);
        Assert.Equal("s", histogram.Unit);
        Assert.Equal(2UL, histogram.Count);
        Assert.Equal(0.024, histogram.Sum, 6);
        Assert.Equal(histogram.ExplicitBounds.Count + 1, histogram.BucketCounts.Count);
        Assert.Contains(new TelemetryAttribute("http.route", "/mcp"), histogram.Attributes);
        Assert.Equal(new TelemetryResource("server", "server-3"), histogram.Resource);

        var counter = Assert.Single(dashboard.Telemetry.GetMetricPoints("requests"));
        Assert.Equal((MetricKind.Sum, true, 5.0), (counter.Kind, counter.IsMonotonic, counter.Value));
        var sessions = Assert.Single(dashboard.Telemetry.GetMetricPoints("mcp.server.sessions.active"));
        Assert.Equal((MetricKind.Sum, false, 3.0), (sessions.Kind, sessions.IsMonotonic, sessions.Value));
        var gauge = Assert.Single(dashboard.Telemetry.GetMetricPoints("queue.length"));
        Assert.Equal((MetricKind.Gauge, 7.0), (gauge.Kind, gauge.Value));
    }

    [Fact]
    public async Task Export_IsAnsweredWithAnEmptyProtobufExportResponse()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(dashboard.OtlpUrl, "v1/traces"), Protobuf(SampleRequest().ToByteArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(answer.PartialSuccess);
        Assert.Equal(1, dashboard.Telemetry.SpanCount);
    }

    [Fact]
    public async Task GzipBody_IsDecompressedAndStored()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(dashboard.OtlpUrl, "v1/traces"), Protobuf(Gzip(SampleRequest().ToByteArray()), "gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from-gzip", Assert.Single(dashboard.Telemetry.GetTraces()).RootName);
    }

    [Fact]
    public async Task JsonBody_WithHexIds_IsStored()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        using var http = new HttpClient();
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-client"}}]},
              "scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
                "name":"from-json","kind":3,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000"}]}]}]}
            """;

        using var response = await http.PostAsync(new Uri(dashboard.OtlpUrl, "v1/traces"), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var span = Assert.Single(dashboard.Telemetry.GetTrace("5b8efff798038103d269b633813fc60c"));
        Assert.Equal(("from-json", "eee19b7ec3c1b174", "Client", "json-client"), (span.Name, span.SpanId, span.Kind, span.Resource.ServiceName));
        Assert.Equal(TimeSpan.FromSeconds(1), span.Duration);
    }

    [Theory]
    [InlineData("v1/traces")]
    [InlineData("v1/logs")]
    [InlineData("v1/metrics")]
    public async Task Garbage_IsRejectedWith400_AndStoresNothing(string path) =>
        await AssertRejectedAsync(HttpStatusCode.BadRequest, path, Protobuf([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01]));

    [Fact]
    public async Task MalformedJson_IsRejectedWith400() =>
        await AssertRejectedAsync(HttpStatusCode.BadRequest, "v1/traces",
            new StringContent("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"not hex"}]}]}]}""", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task CorruptGzip_IsRejectedWith400() =>
        await AssertRejectedAsync(HttpStatusCode.BadRequest, "v1/traces", Protobuf([1, 2, 3, 4, 5, 6, 7, 8], "gzip"));

    [Fact]
    public async Task OversizedBody_IsRejectedWith413() =>
        await AssertRejectedAsync(HttpStatusCode.RequestEntityTooLarge, "v1/traces", Protobuf(new byte[1025]), maxRequestBytes: 1024);

    [Fact]
    public async Task GzipThatInflatesPastTheCap_IsRejectedWith413()
    {
        var bomb = Gzip(new byte[1024 * 1024]);
        Assert.True(bomb.Length < 64 * 1024);

        await AssertRejectedAsync(HttpStatusCode.RequestEntityTooLarge, "v1/traces", Protobuf(bomb, "gzip"), maxRequestBytes: 64 * 1024);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/grpc")]
    public async Task WrongContentType_IsRejectedWith415(string contentType)
    {
        var content = new ByteArrayContent(SampleRequest().ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        await AssertRejectedAsync(HttpStatusCode.UnsupportedMediaType, "v1/traces", content);
    }

    [Fact]
    public async Task UnknownContentEncoding_IsRejectedWith415() =>
        await AssertRejectedAsync(HttpStatusCode.UnsupportedMediaType, "v1/traces", Protobuf(SampleRequest().ToByteArray(), "br"));

    /// <summary>Posts to a fresh dashboard and checks the status and that nothing reached the store.</summary>
    private static async Task AssertRejectedAsync(HttpStatusCode expected, string path, HttpContent content, long maxRequestBytes = 4 * 1024 * 1024)
    {
        await using var dashboard = await TestDashboard.StartAsync(options: new DashboardOptions { MaxOtlpRequestBytes = maxRequestBytes });
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(dashboard.OtlpUrl, path), content);

        Assert.Equal(expected, response.StatusCode);
        var telemetry = dashboard.Telemetry;
        Assert.Equal((0, 0, 0), (telemetry.SpanCount, telemetry.LogCount, telemetry.MetricPointCount));
    }

    private static ExportTraceServiceRequest SampleRequest()
    {
        var now = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        var resource = new ProtoResource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "client" } });
        var scope = new ScopeSpans();
        scope.Spans.Add(new Span
        {
            TraceId = ByteString.CopyFrom(Convert.FromHexString("0af7651916cd43dd8448eb211c80319c")),
            SpanId = ByteString.CopyFrom(Convert.FromHexString("b7ad6b7169203331")),
            Name = "from-gzip",
            StartTimeUnixNano = now,
            EndTimeUnixNano = now + 1_000_000,
        });
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    private static ByteArrayContent Protobuf(byte[] body, string? contentEncoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }
        return content;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
