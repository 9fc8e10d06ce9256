using System.Net;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpDemo.SharedState.Tests;

/// <summary>
/// Real McpDemo.Server replicas on a store that goes away. While it is away, replicas stay up and say so: health is Degraded, sessionless (2026-07-28) calls still
/// work, and legacy-session requests that need the store get a clear JSON-RPC error. When it is back, they recover
/// without a restart. Each test owns its store, since it stops it.
/// </summary>
public abstract class StoreOutageTests<TStore> : IAsyncLifetime
    where TStore : IStoreServer, new()
{
    private readonly TStore _store = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <inheritdoc />
    public Task InitializeAsync() => _store.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task OutageDegradesHealthFailsLegacyRequestsClearlyAndRecoversWithoutRestart()
    {
        await using var a = await StartReplicaAsync("a");
        await using var b = await StartReplicaAsync("b");
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(a.McpEndpoint);

        await _store.StopAsync();
        await WaitForHealthAsync(a, "Degraded");

        // A replica started while the store is down starts anyway, and says so.
        await using var c = await StartReplicaAsync("c");
        Assert.Equal("Degraded", await _http.GetStringAsync(Health(c)));

        // Clients of the sessionless revision never needed the store.
        await using (var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = c.McpEndpoint }, _http)))
        {
            Assert.Null(client.SessionId);
            var result = await client.CallToolAsync("ping");
            Assert.StartsWith("pong! instance=c ", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        }

        // A legacy session cannot move to another replica, nor a new one start: a clear JSON-RPC error, not a 500.
        var adopt = await mcp.CallToolAsync(b.McpEndpoint, sessionId, "ping");
        AssertStoreUnavailable(adopt);
        var initialize = await mcp.PostAsync(c.McpEndpoint, new System.Text.Json.Nodes.JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 1,
            ["method"] = "initialize",
            ["params"] = new System.Text.Json.Nodes.JsonObject
            {
                ["protocolVersion"] = LegacyMcpHttp.ProtocolVersion,
                ["capabilities"] = new System.Text.Json.Nodes.JsonObject(),
                ["clientInfo"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "outage", ["version"] = "1" },
            },
        }, sessionId: null);
        AssertStoreUnavailable(initialize);
        // The replica that holds the session still serves it; only resuming its streams elsewhere is lost meanwhile.
        Assert.StartsWith("pong! instance=a ", LegacyMcpHttp.ToolText(await mcp.CallToolAsync(a.McpEndpoint, sessionId, "ping")), StringComparison.Ordinal);

        await _store.StartAsync();
        await WaitForHealthAsync(c, "Healthy");
        await WaitForHealthAsync(b, "Healthy");

        var newSession = await mcp.StartSessionAsync(c.McpEndpoint);
        Assert.StartsWith("pong! instance=b ", LegacyMcpHttp.ToolText(await mcp.CallToolAsync(b.McpEndpoint, newSession, "ping")), StringComparison.Ordinal);

        // The outage is logged once, as a warning, however many requests it refused; a refusal is not an error.
        await WaitForOutputAsync(b, "The shared state store is reachable again.");
        Assert.Single(b.Output.Split('\n'), line => line.Contains("The shared state store is unreachable.", StringComparison.Ordinal));
        Assert.DoesNotContain("fail:", b.Output, StringComparison.Ordinal);
    }

    // A stateful product server on the store, whose ping names it <paramref name="instance"/>.
    private Task<McpServerProcess> StartReplicaAsync(string instance) =>
        McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful",
            new Dictionary<string, string?> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instance}" },
            $"--ConnectionStrings:store={_store.ConnectionString}");

    // The console logger writes from a queue, so a line may follow the event it tells of by a moment.
    private static async Task WaitForOutputAsync(McpServerProcess replica, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!replica.Output.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Contains(text, replica.Output, StringComparison.Ordinal);
    }

    private static Uri Health(McpServerProcess replica) => new(replica.BaseAddress, "health");

    private static void AssertStoreUnavailable(McpReply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.FailedDependency, $"expected 424, got {reply.Status}: {reply.Body}");
        Assert.Null(reply.SessionId);
        Assert.Equal(McpDemo.Guards.JsonRpcRefusal.TransportErrorCode, reply.Message["error"]!["code"]!.GetValue<int>());
        Assert.Contains("store is unavailable", reply.Message["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // Health follows the connection, which notices a stopped or restarted store within its heartbeat.
    private async Task WaitForHealthAsync(McpServerProcess replica, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string status;
        while ((status = await _http.GetStringAsync(Health(replica))) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(expected, status);
    }
}

/// <summary>The store outage on Garnet.</summary>
public sealed class StoreOutageOnGarnetTests : StoreOutageTests<GarnetStoreServer>;

/// <summary>The store outage on redis-server.</summary>
public sealed class StoreOutageOnRedisTests : StoreOutageTests<RedisStoreServer>;
