using System.Diagnostics;
using System.Text;
using McpDemo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Xunit;

namespace McpDemo.Server.Tests.ServiceDefaults;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Server_ExportsTracesMetricsAndLogs_OverOtlpHttpProtobuf_WithItsInstanceId()
    {
        await using var sink = await OtlpSink.StartAsync();
        await using var server = await StartServerAsync(sink, ("OTEL_TRACES_SAMPLER", "always_on"));
        await using (var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.Endpoint })))
        {
            await client.CallToolAsync("ping");
        }

        await WaitUntilAsync(() =>
            sink.Received.Any(r => r.Path == "/v1/traces" && r.Body.Contains("tools/call", StringComparison.Ordinal))
            && sink.Received.Any(r => r.Path == "/v1/traces" && r.Body.Contains("POST /mcp", StringComparison.Ordinal))
            && sink.Received.Any(IsToolCallDuration)
            && sink.Received.Any(r => r.Path == "/v1/logs" && r.Body.Contains("tools/call ping answered", StringComparison.Ordinal)));
        Assert.All(sink.Received, r =>
        {
            Assert.Equal("application/x-protobuf", r.ContentType);
            Assert.Contains("otlp-test-replica", r.Body, StringComparison.Ordinal);
        });
        // ASP.NET Core's request span, named and described as OpenTelemetry's HTTP conventions say.
        var requestSpan = sink.Received.First(r => r.Path == "/v1/traces" && r.Body.Contains("POST /mcp", StringComparison.Ordinal)).Body;
        Assert.DoesNotContain("Microsoft.AspNetCore.Hosting.HttpRequestIn", requestSpan, StringComparison.Ordinal);
        Assert.All(["http.request.method", "url.path", "http.route", "http.response.status_code"], tag => Assert.Contains(tag, requestSpan, StringComparison.Ordinal));
    }

    // Tool calls are counted and timed by the SDK, per tool: its operation duration tagged with the tool's name.
    private static bool IsToolCallDuration((string Path, string? ContentType, string Body) export) =>
        export.Path == "/v1/metrics"
        && export.Body.Contains("mcp.server.operation.duration", StringComparison.Ordinal)
        && export.Body.Contains("gen_ai.tool.name", StringComparison.Ordinal);

    [Fact]
    public async Task Server_WithoutASampler_TracesATenthOfItsOwnCalls_FollowsItsCaller_AndLogsOnlyTheCallsItTraces()
    {
        await using var sink = await OtlpSink.StartAsync();
        await using var server = await StartServerAsync(sink);
        var sampled = ActivityTraceId.CreateRandom();
        var dropped = ActivityTraceId.CreateRandom();

        using var http = new HttpClient();
        const int rootCalls = 100;
        for (var i = 0; i < rootCalls; i++)
        {
            await PingAsync(http, server.Endpoint, traceParent: null);
        }
        await PingAsync(http, server.Endpoint, $"00-{dropped}-{ActivitySpanId.CreateRandom()}-00");
        await PingAsync(http, server.Endpoint, $"00-{sampled}-{ActivitySpanId.CreateRandom()}-01");

        // Protobuf carries trace ids as their 16 raw bytes.
        static string Raw(ActivityTraceId id) => OtlpSink.Raw(id);
        await WaitUntilAsync(() =>
            sink.Received.Any(r => r.Path == "/v1/traces" && r.Body.Contains(Raw(sampled), StringComparison.Ordinal))
            && sink.Received.Any(r => r.Path == "/v1/logs" && r.Body.Contains(Raw(sampled), StringComparison.Ordinal)));
        await Task.Delay(TimeSpan.FromSeconds(1)); // past the batch delay: anything of the dropped call would be here by now
        Assert.DoesNotContain(sink.Received, r => r.Body.Contains(Raw(dropped), StringComparison.Ordinal));

        // One MCP span per traced call; 10% of 100 calls is 10, and fewer than 1 or more than 40 is all but impossible.
        var tracedCalls = sink.Received.Where(r => r.Path == "/v1/traces").Sum(r => Occurrences(r.Body, "tools/call ping")) - 1;
        Assert.InRange(tracedCalls, 1, 40);
    }

    [Fact]
    public async Task HealthProbes_ServedOrSent_AreNotTraced_WhileOtherRequestsAre()
    {
        await using var sink = await OtlpSink.StartAsync();
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Url;
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["OTEL_TRACES_SAMPLER"] = "always_on";
        builder.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapGet("/traced-probe-neighbour", () => "ok");
        app.MapDefaultEndpoints();
        await app.StartAsync();

        // As the gateway's active health checks do: an IHttpClientFactory client probing a replica's /health and /alive.
        var http = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        foreach (var path in new[] { "/health", "/alive", "/health?probe=1", "/traced-probe-neighbour" })
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
            response.EnsureSuccessStatusCode();
        }

        // Both sides of the last request (server span and client span) arrive; nothing of the probes does.
        await WaitUntilAsync(() => sink.Received.Where(r => r.Path == "/v1/traces").Sum(r => Occurrences(r.Body, "/traced-probe-neighbour")) >= 2);
        await Task.Delay(TimeSpan.FromSeconds(1)); // past the batch delay: a probe span would be here by now
        var traces = sink.Received.Where(r => r.Path == "/v1/traces").Select(r => r.Body).ToList();
        Assert.DoesNotContain(traces, body => body.Contains("/health", StringComparison.Ordinal) || body.Contains("/alive", StringComparison.Ordinal));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static async Task PingAsync(HttpClient http, Uri endpoint, string? traceParent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }
        using var response = await http.SendAsync(request);
        Assert.Contains("pong!", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The product server exporting to <paramref name="sink"/> quickly (100 ms batches), with extra settings.</summary>
    private static async Task<ExportingServer> StartServerAsync(OtlpSink sink, params (string Name, string Value)[] settings)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "server",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=otlp-test-replica",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }
        var process = TestProcess.StartProject("src/McpDemo.Server", ["--urls", $"http://127.0.0.1:{port}"], environment);
        await process.WaitForHttpOkAsync($"http://127.0.0.1:{port}/health");
        return new ExportingServer(process, new Uri($"http://127.0.0.1:{port}/mcp"));
    }

    private sealed record ExportingServer(TestProcess Process, Uri Endpoint) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected OTLP exports did not arrive.");
            }
            await Task.Delay(100);
        }
    }
}
