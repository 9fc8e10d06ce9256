using System.Collections.Concurrent;
using System.Text;
using McpDemo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Xunit;

namespace McpDemo.Server.Tests.ServiceDefaults;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Server_ExportsTracesMetricsAndLogs_OverOtlpHttpProtobuf_WithItsInstanceId()
    {
        var received = new ConcurrentQueue<(string Path, string? ContentType, string Body)>();
        var sinkPort = FreePort.Next();
        var sinkBuilder = WebApplication.CreateSlimBuilder();
        sinkBuilder.Logging.ClearProviders();
        sinkBuilder.WebHost.UseUrls($"http://127.0.0.1:{sinkPort}");
        await using var sink = sinkBuilder.Build();
        sink.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            // Protobuf keeps strings as UTF-8 bytes, so names and values can be found without decoding.
            received.Enqueue((context.Request.Path, context.Request.ContentType, Encoding.Latin1.GetString(body.ToArray())));
        });
        await sink.StartAsync();

        var port = FreePort.Next();
        await using var server = TestProcess.StartProject(
            "src/McpDemo.Server",
            ["--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{sinkPort}",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_SERVICE_NAME"] = "server",
                ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=otlp-test-replica",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            });
        await server.WaitForHttpOkAsync($"http://127.0.0.1:{port}/health");
        await using (var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri($"http://127.0.0.1:{port}/mcp") })))
        {
            await client.CallToolAsync("ping");
        }

        await WaitUntilAsync(() =>
            received.Any(r => r.Path == "/v1/traces" && r.Body.Contains("tools/call", StringComparison.Ordinal))
            && received.Any(r => r.Path == "/v1/metrics" && r.Body.Contains("mcpdemo.tool.calls", StringComparison.Ordinal))
            && received.Any(r => r.Path == "/v1/logs"));
        Assert.All(received, r =>
        {
            Assert.Equal("application/x-protobuf", r.ContentType);
            Assert.Contains("otlp-test-replica", r.Body, StringComparison.Ordinal);
        });
        var toolCalls = received.First(r => r.Path == "/v1/metrics" && r.Body.Contains("mcpdemo.tool.calls", StringComparison.Ordinal));
        Assert.Contains("gen_ai.tool.name", toolCalls.Body, StringComparison.Ordinal);
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
