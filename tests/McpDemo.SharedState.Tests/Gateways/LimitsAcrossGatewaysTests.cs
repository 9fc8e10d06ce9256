using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.Gateways;

/// <summary>
/// Three gateways on one store hold a tool's rate limit once, not three times; while the store is away each counts
/// its own, and says so once. Run once per store kind (<see cref="LimitsAcrossGateways{TStore}"/>).
/// </summary>
public abstract class LimitsAcrossGatewaysTests<TStore>(LimitsAcrossGateways<TStore> run) : IClassFixture<LimitsAcrossGateways<TStore>>
    where TStore : IStoreServer, new()
{
    [Fact]
    public void CallsSpreadOverThreeGateways_AreAdmittedUpToOneLimit_WithNoSlack()
    {
        Assert.Equal(LimitsAcrossGateways<TStore>.CallsPerPhase, run.CountedInStore.Count);
        Assert.Equal(LimitsAcrossGateways<TStore>.Limit, run.CountedInStore.Count(status => status == HttpStatusCode.OK));
        Assert.All(run.CountedInStore, status => Assert.Contains(status, (HttpStatusCode[])[HttpStatusCode.OK, HttpStatusCode.TooManyRequests]));
    }

    [Fact]
    public void WhileTheStoreIsAway_EachGatewayAdmitsTheLimit_AndNoCallFails()
    {
        var admitted = run.CountedLocally.Count(status => status == HttpStatusCode.OK);
        Assert.Equal(LimitsAcrossGateways<TStore>.Gateways * LimitsAcrossGateways<TStore>.Limit, admitted);
        Assert.All(run.CountedLocally, status => Assert.Contains(status, (HttpStatusCode[])[HttpStatusCode.OK, HttpStatusCode.TooManyRequests]));
    }

    [Fact]
    public void TheFallback_IsLoggedOncePerGateway_AsAWarning()
    {
        Assert.All(run.GatewayLogs, log =>
        {
            Assert.Single(log.Split('\n'), line => line.Contains("rate limits are counted per gateway instance", StringComparison.Ordinal));
            Assert.DoesNotContain("fail:", log, StringComparison.Ordinal);
        });
    }
}

public sealed class GarnetLimitsAcrossGatewaysTests(LimitsAcrossGateways<GarnetStoreServer> run)
    : LimitsAcrossGatewaysTests<GarnetStoreServer>(run);

public sealed class RedisLimitsAcrossGatewaysTests(LimitsAcrossGateways<RedisStoreServer> run)
    : LimitsAcrossGatewaysTests<RedisStoreServer>(run);

/// <summary>
/// A stateless McpDemo.Server behind three McpDemo.Gateway processes on one store, each limiting <c>ping</c> and
/// <c>whoami</c> to <see cref="Limit"/> calls a client per ten minutes (no window ends during the run). One client (one
/// address) calls <c>ping</c> round-robin over the three; then the store is killed and it calls <c>whoami</c> the same way.
/// The statuses and the gateways' logs are kept for the tests. It owns its store, since it stops it.
/// </summary>
public sealed class LimitsAcrossGateways<TStore> : IAsyncLifetime
    where TStore : IStoreServer, new()
{
    /// <summary>Calls of a limited tool admitted per client and window.</summary>
    public const int Limit = 4;

    /// <summary>The gateways the calls are spread over.</summary>
    public const int Gateways = 3;

    /// <summary>Calls per phase: enough for every gateway to pass its own count of the limit.</summary>
    public const int CallsPerPhase = Gateways * (Limit + 2);

    private readonly TStore _store = new();
    // No cookie jar: the gateways have no shared affinity key, so one gateway's affinity cookie means nothing to another.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<TestProcess> _gateways = [];
    private McpServerProcess? _server;

    /// <summary>What the <c>ping</c> calls got with the store up.</summary>
    public List<HttpStatusCode> CountedInStore { get; } = [];

    /// <summary>What the <c>whoami</c> calls got with the store down.</summary>
    public List<HttpStatusCode> CountedLocally { get; } = [];

    /// <summary>Each gateway's log at the end.</summary>
    public List<string> GatewayLogs { get; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _store.StartAsync();
        _server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless");
        var endpoints = new List<Uri>();
        for (var i = 0; i < Gateways; i++)
        {
            endpoints.Add(await StartGatewayAsync());
        }

        await CallRoundRobinAsync(endpoints, "ping", CountedInStore);
        await _store.StopAsync();
        await CallRoundRobinAsync(endpoints, "whoami", CountedLocally);
        GatewayLogs.AddRange(_gateways.Select(gateway => gateway.Output));
    }

    private async Task<Uri> StartGatewayAsync()
    {
        var (gateway, endpoint) = await GatewayProcess.StartAsync([_server!],
            new() { ["ConnectionStrings__store"] = _store.ConnectionString },
            $"--Gateway:RateLimits:Default:PermitLimit={Limit.ToString(CultureInfo.InvariantCulture)}", "--Gateway:RateLimits:Default:Window=00:10:00");
        _gateways.Add(gateway);
        return endpoint;
    }

    private async Task CallRoundRobinAsync(List<Uri> endpoints, string tool, List<HttpStatusCode> statuses)
    {
        for (var call = 0; call < CallsPerPhase; call++)
        {
            using var request = RawMcp.CallTool(endpoints[call % endpoints.Count], tool, new JsonObject());
            using var response = await _http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await _store.DisposeAsync();
        _http.Dispose();
    }
}
