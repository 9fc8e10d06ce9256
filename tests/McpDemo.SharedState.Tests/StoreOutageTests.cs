using System.Net;
using McpDemo.SharedState.Tests.Stores;
using ModelContextProtocol.Client;

namespace McpDemo.SharedState.Tests;

/// <summary>
/// While the store is away, replicas stay up and say so: health is Degraded, sessionless (2026-07-28) calls still
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
        await using var a = await Replica.StartAsync("a", _store);
        await using var b = await Replica.StartAsync("b", _store);
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(a.Endpoint);

        await _store.StopAsync();
        await WaitForHealthAsync(a, "Degraded");

        // A replica started while the store is down starts anyway, and says so.
        await using var c = await Replica.StartAsync("c", _store);
        Assert.Equal("Degraded", await _http.GetStringAsync(c.Health));

        // Clients of the sessionless revision never needed the store.
        await using (var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = c.Endpoint }, _http)))
        {
            Assert.Null(client.SessionId);
            var result = await client.CallToolAsync("where");
            Assert.Equal("c", Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(Assert.Single(result.Content)).Text);
        }

        // A legacy session cannot move to another replica, nor a new one start: a clear JSON-RPC error, not a 500.
        var adopt = await mcp.CallToolAsync(b.Endpoint, sessionId, "where");
        AssertStoreUnavailable(adopt);
        var initialize = await mcp.PostAsync(c.Endpoint, new System.Text.Json.Nodes.JsonObject
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
        Assert.Equal("a", LegacyMcpHttp.ToolText(await mcp.CallToolAsync(a.Endpoint, sessionId, "where")));

        await _store.StartAsync();
        await WaitForHealthAsync(c, "Healthy");
        await WaitForHealthAsync(b, "Healthy");

        var newSession = await mcp.StartSessionAsync(c.Endpoint);
        Assert.Equal("b", LegacyMcpHttp.ToolText(await mcp.CallToolAsync(b.Endpoint, newSession, "where")));
    }

    private static void AssertStoreUnavailable(McpReply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.FailedDependency, $"expected 424, got {reply.Status}: {reply.Body}");
        Assert.Null(reply.SessionId);
        Assert.Equal(SharedStateErrorMiddleware.ErrorCode, reply.Message["error"]!["code"]!.GetValue<int>());
        Assert.Contains("store is unavailable", reply.Message["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // Health follows the connection, which notices a stopped or restarted store within its heartbeat.
    private async Task WaitForHealthAsync(Replica replica, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string status;
        while ((status = await _http.GetStringAsync(replica.Health)) != expected && DateTime.UtcNow < deadline)
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
