using System.Net;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class TelemetryTests
{
    private static readonly TimeSpan s_exportWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GatewaySpansAndRequestDurations_CarryTheMcpMethodAndTool()
    {
        await using var sink = await OtlpSink.StartAsync();
        await using var replica = await FakeReplica.StartAsync("replica-0");
        await using var gateway = await GatewayProcess.StartAsync([replica], [], variables: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_TRACES_SAMPLER"] = "always_on",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var client = gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", "2026-07-28", "tools/call", "countdown_tool", "countdown_tool"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await sink.WaitForExportContainingAsync("traces", s_exportWait, "mcp.method.name", "tools/call", "gen_ai.tool.name", "countdown_tool");
        await sink.WaitForExportContainingAsync("metrics", s_exportWait,
            "http.server.request.duration", "mcp.method.name", "gen_ai.tool.name", "countdown_tool");
    }

    [Fact]
    public async Task ActiveHealthChecks_AreNotTraced_WhileForwardedCallsAre()
    {
        await using var sink = await OtlpSink.StartAsync();
        await using var replica = await FakeReplica.StartAsync("replica-0");
        await using var gateway = await GatewayProcess.StartAsync([replica],
            ["--ReverseProxy:Clusters:server:HealthCheck:Active:Interval=00:00:00.200"],
            variables: new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Url,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_TRACES_SAMPLER"] = "always_on",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            });
        using var client = gateway.CreateClient();

        // Probe rounds run every 200 ms from the start; a call made after several rounds exports beside them.
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", "2026-07-28", "tools/call", "ping", "ping"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await sink.WaitForExportContainingAsync("traces", s_exportWait, "gen_ai.tool.name", "ping");

        Assert.False(sink.AnyExportContains("traces", "proxy.cluster_health_checks"), "a probe round was exported as a trace");
        Assert.False(sink.AnyExportContains("traces", "proxy.destination_health_check"), "a replica's probe was exported as a trace");
        Assert.False(sink.AnyExportContains("traces", "/health"), "a probe request was exported as a span");
    }

    [Fact]
    public async Task RateLimitRejections_AreCountedPerTool()
    {
        await using var sink = await OtlpSink.StartAsync();
        await using var replica = await FakeReplica.StartAsync("replica-0");
        await using var gateway = await GatewayProcess.StartAsync([replica], ["--Gateway:RateLimits:Tools:limited_tool:PermitLimit=1"],
            variables: new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Url,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            });
        using var client = gateway.CreateClient();

        foreach (var _ in new[] { 1, 2 })
        {
            using var call = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", "2026-07-28", "tools/call", "limited_tool", "limited_tool"));
        }

        await sink.WaitForExportContainingAsync("metrics", s_exportWait, "mcpdemo.gateway.rate_limit.rejections", "gen_ai.tool.name", "limited_tool");
    }
}
