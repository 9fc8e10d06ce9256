using System.Net;
using McpDemo.Guards;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpDemo.SharedState.Tests;

/// <summary>
/// Real McpDemo.Server replicas on a store that goes away and comes back, run once per store kind
/// (<see cref="StoreOutage{TStore}"/>); each test pins one thing the replicas do meanwhile or after.
/// </summary>
public abstract class StoreOutageTests<TStore>(StoreOutage<TStore> outage) : IClassFixture<StoreOutage<TStore>>
    where TStore : IStoreServer, new()
{
    [Fact]
    public void WhileTheStoreIsAway_HealthIsDegraded_NotUnhealthy() =>
        Assert.Equal("Degraded", outage.HealthDuringOutage);

    [Fact]
    public void WhileTheStoreIsAway_AReplicaStillStarts_AndSaysItIsDegraded() =>
        Assert.Equal("Degraded", outage.HealthOfReplicaStartedDuringOutage);

    [Fact]
    public void WhileTheStoreIsAway_SessionlessCallsStillWork()
    {
        Assert.Null(outage.SessionlessClientSessionId);
        Assert.StartsWith("pong! instance=c ", outage.SessionlessPing, StringComparison.Ordinal);
    }

    [Fact]
    public void WhileTheStoreIsAway_MovingALegacySessionToAnotherReplica_IsFailedDependency() =>
        AssertStoreUnavailable(outage.AdoptionDuringOutage);

    [Fact]
    public void WhileTheStoreIsAway_StartingALegacySession_IsFailedDependency() =>
        AssertStoreUnavailable(outage.InitializeDuringOutage);

    [Fact]
    public void WhileTheStoreIsAway_TheReplicaHoldingASession_StillServesIt() =>
        Assert.StartsWith("pong! instance=a ", LegacyMcpHttp.ToolText(outage.HoldingReplicaCallDuringOutage), StringComparison.Ordinal);

    [Fact]
    public void WhenTheStoreIsBack_ReplicasRecoverWithoutRestart()
    {
        Assert.Equal("Healthy", outage.HealthAfterOutage);
        Assert.StartsWith("pong! instance=b ", LegacyMcpHttp.ToolText(outage.SessionMovedAfterOutage), StringComparison.Ordinal);
    }

    [Fact]
    public void TheOutage_IsLoggedOnceAsAWarning_AndItsRefusalsAreNotErrors()
    {
        Assert.Contains("The shared state store is reachable again.", outage.LogOfReplicaThatRefused, StringComparison.Ordinal);
        Assert.Single(outage.LogOfReplicaThatRefused.Split('\n'), line => line.Contains("The shared state store is unreachable.", StringComparison.Ordinal));
        Assert.DoesNotContain("fail:", outage.LogOfReplicaThatRefused, StringComparison.Ordinal);
    }

    private static void AssertStoreUnavailable(McpReply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.FailedDependency, $"expected 424, got {reply.Status}: {reply.Body}");
        Assert.Null(reply.SessionId);
        Assert.Equal(JsonRpcRefusal.TransportErrorCode, reply.Message["error"]!["code"]!.GetValue<int>());
        Assert.Contains("store is unavailable", reply.Message["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>
/// One store outage, observed: three stateful replicas (a, b, and c started while the store is down) and a legacy
/// session started on a; the store is killed, then started again. What the replicas answered at each step is kept
/// for the tests to check. It owns its store, since it stops it.
/// </summary>
public sealed class StoreOutage<TStore> : IAsyncLifetime
    where TStore : IStoreServer, new()
{
    private readonly TStore _store = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Replica a's health once the store is gone.</summary>
    public string HealthDuringOutage { get; private set; } = "";

    /// <summary>The health of replica c, started while the store was down.</summary>
    public string HealthOfReplicaStartedDuringOutage { get; private set; } = "";

    /// <summary>The session id a 2026-07-28 client got from c during the outage (none expected).</summary>
    public string? SessionlessClientSessionId { get; private set; }

    /// <summary>What c's ping answered that client during the outage.</summary>
    public string SessionlessPing { get; private set; } = "";

    /// <summary>b's answer to a call in a's session during the outage.</summary>
    public McpReply AdoptionDuringOutage { get; private set; } = null!;

    /// <summary>c's answer to <c>initialize</c> during the outage.</summary>
    public McpReply InitializeDuringOutage { get; private set; } = null!;

    /// <summary>a's answer to a call in its own session during the outage.</summary>
    public McpReply HoldingReplicaCallDuringOutage { get; private set; } = null!;

    /// <summary>b's health once the store is back.</summary>
    public string HealthAfterOutage { get; private set; } = "";

    /// <summary>b's answer to a call in a session started on c after the outage.</summary>
    public McpReply SessionMovedAfterOutage { get; private set; } = null!;

    /// <summary>Everything b logged, until it said the store was back.</summary>
    public string LogOfReplicaThatRefused { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _store.StartAsync();
        await using var a = await StartReplicaAsync("a");
        await using var b = await StartReplicaAsync("b");
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(a.McpEndpoint);

        await _store.StopAsync();
        HealthDuringOutage = await WaitForHealthAsync(a, "Degraded");
        await using var c = await StartReplicaAsync("c");
        HealthOfReplicaStartedDuringOutage = await _http.GetStringAsync(Health(c));
        // Pinned rather than auto-detected: a replica that is still warming up can miss the client's 5 s server/discover
        // probe, and the client would then fall back to a legacy initialize, which the outage rightly refuses.
        await using (var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = c.McpEndpoint }, _http),
            new McpClientOptions { ProtocolVersion = "2026-07-28" }))
        {
            SessionlessClientSessionId = client.SessionId;
            var result = await client.CallToolAsync("ping");
            SessionlessPing = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        }
        AdoptionDuringOutage = await mcp.CallToolAsync(b.McpEndpoint, sessionId, "ping");
        InitializeDuringOutage = await mcp.PostAsync(c.McpEndpoint, mcp.InitializeRequest(), sessionId: null);
        HoldingReplicaCallDuringOutage = await mcp.CallToolAsync(a.McpEndpoint, sessionId, "ping");

        await _store.StartAsync();
        await WaitForHealthAsync(c, "Healthy");
        HealthAfterOutage = await WaitForHealthAsync(b, "Healthy");
        var newSession = await mcp.StartSessionAsync(c.McpEndpoint);
        SessionMovedAfterOutage = await mcp.CallToolAsync(b.McpEndpoint, newSession, "ping");
        await b.Process.WaitForOutputAsync("The shared state store is reachable again.");
        LogOfReplicaThatRefused = b.Output;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _http.Dispose();
    }

    // A stateful product server on the store, whose ping names it <paramref name="instance"/>.
    private Task<McpServerProcess> StartReplicaAsync(string instance) =>
        McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful",
            new Dictionary<string, string?> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instance}" },
            $"--ConnectionStrings:store={_store.ConnectionString}");

    private static Uri Health(McpServerProcess replica) => new(replica.BaseAddress, "health");

    // Health follows the connection, which notices a stopped or restarted store within its heartbeat.
    private async Task<string> WaitForHealthAsync(McpServerProcess replica, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string status;
        while ((status = await _http.GetStringAsync(Health(replica))) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        return status;
    }
}

/// <summary>The store outage on Garnet.</summary>
public sealed class StoreOutageOnGarnetTests(StoreOutage<GarnetStoreServer> outage) : StoreOutageTests<GarnetStoreServer>(outage);

/// <summary>The store outage on redis-server.</summary>
public sealed class StoreOutageOnRedisTests(StoreOutage<RedisStoreServer> outage) : StoreOutageTests<RedisStoreServer>(outage);
