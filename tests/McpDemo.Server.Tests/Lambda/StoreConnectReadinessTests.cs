using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Lambda;

/// <summary>
/// A cold start does not wait for the store: with <c>ConnectionStrings:store</c> set, the server is ready and answers
/// 2026-07-28 calls, which never touch the store, while the store has not yet answered its handshake; <c>/health</c>
/// says so (Degraded: connecting) instead of hiding it. The store here accepts connections and never answers, and the
/// connect timeout is ten minutes, so a server that connected before it served would not become ready within the
/// test's patience.
/// </summary>
public sealed class StoreConnectReadinessTests
{
    [Fact]
    public async Task WhileTheStoreHasNotAnswered_TheServerIsReady_SaysItIsConnecting_AndAnswersPing()
    {
        using var silentStore = new TcpListener(IPAddress.Loopback, 0);
        silentStore.Start();
        var storePort = ((IPEndPoint)silentStore.LocalEndpoint).Port;

        // Telemetry on, as deployed: the store client's tracing must not connect it early either.
        await using var otlp = await OtlpSink.StartAsync();
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless",
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Url },
            $"--ConnectionStrings:store=127.0.0.1:{storePort},connectTimeout=600000");
        using var http = new HttpClient();
        var health = await http.GetStringAsync(new Uri(server.BaseAddress, "health"));
        using var answer = await http.SendAsync(RawMcp.CallTool(server.McpEndpoint, "ping", new JsonObject()));
        var pong = await RawMcp.ReadMessageAsync(answer);

        Assert.Equal("Degraded", health);
        Assert.StartsWith("pong! instance=", pong.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.True(silentStore.Pending(), "the server never tried to reach the store");
    }
}
