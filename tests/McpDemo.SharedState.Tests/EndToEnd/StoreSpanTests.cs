using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.EndToEnd;

/// <summary>
/// The store's commands are spans in the trace of the request that made them (Aspire's StackExchange.Redis client
/// integration), exported with the server's own: a legacy <c>initialize</c> records its session with a store command.
/// </summary>
public sealed class StoreSpanTests
{
    [Fact]
    public async Task LegacyInitialize_ExportsItsStoreCommand_InItsOwnTrace()
    {
        await using var store = new RedisStoreServer();
        await store.StartAsync();
        await using var sink = await OtlpSink.StartAsync();
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful",
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Url,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_TRACES_SAMPLER"] = "always_on",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            },
            $"--ConnectionStrings:store={((IStoreServer)store).ConnectionString}");
        var traceId = ActivityTraceId.CreateRandom();

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.McpEndpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":""" + $"\"{LegacyMcpHttp.ProtocolVersion}\"" +
                ""","capabilities":{},"clientInfo":{"name":"spans","version":"1"}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();

        // The instrumentation reports a request's commands when it flushes (every few seconds), not at once.
        Assert.True(await sink.WaitForExportAsync(IsStoreSpanOfTheRequest, TimeSpan.FromSeconds(40)),
            $"no redis span in trace {traceId}; exports: {string.Join(", ", sink.Received.Select(r => r.Path))}\n{server.Output}");

        bool IsStoreSpanOfTheRequest((string Path, string? ContentType, string Body) export) =>
            export.Path == "/v1/traces"
            && export.Body.Contains("redis", StringComparison.Ordinal)
            && export.Body.Contains(OtlpSink.Raw(traceId), StringComparison.Ordinal);
    }
}
