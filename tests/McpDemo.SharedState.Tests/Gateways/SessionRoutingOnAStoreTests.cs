using System.Globalization;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.Gateways;

/// <summary>
/// The gateway routing sessions (wrapped ids) in front of replicas on one store: when the session's replica is killed
/// and another adopts the session, the client keeps the one session id it was given. The spec gives a client one id
/// per session, and a strict client breaks on a new one.
/// </summary>
public sealed class SessionRoutingOnAStoreTests(StoreFixture<RedisStoreServer> store) : IClassFixture<StoreFixture<RedisStoreServer>>, IAsyncLifetime
{
    private readonly List<McpServerProcess> _replicas = [];
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private TestProcess? _gateway;
    private Uri _endpoint = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            _replicas.Add(await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful",
                new Dictionary<string, string?> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id=r{i}" },
                $"--ConnectionStrings:store={((IStoreServer)store.Store).ConnectionString}"));
        }
        (_gateway, _endpoint) = await GatewayProcess.StartAsync(_replicas, new()
        {
            ["Gateway__Sessions__Enabled"] = "true",
            ["Gateway__Affinity__Key"] = Convert.ToBase64String(new byte[32]),
            ["ReverseProxy__Clusters__server__SessionAffinity__Enabled"] = "false",
        });
    }

    [Fact]
    public async Task SessionAdoptedByAnotherReplica_KeepsTheIdTheClientWasGiven()
    {
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(_endpoint);
        var holder = ReplicaOf(LegacyMcpHttp.ToolText(await mcp.CallToolAsync(_endpoint, sessionId, "ping")));

        await _replicas[holder].Process.SignalAsync("KILL");
        // Once the process is gone, so are its sockets: a call sent while the kernel is still closing them can find the
        // gateway's kept-alive connection ended without an answer, which is never retried (the replica may have acted on
        // it). That race is the gateway's fault tests' subject (ReplicaKillTests); this test is about the session id.
        await _replicas[holder].Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var adopted = await mcp.CallToolAsync(_endpoint, sessionId, "ping");
        var again = await mcp.CallToolAsync(_endpoint, sessionId, "ping");

        Assert.Equal(1 - holder, ReplicaOf(LegacyMcpHttp.ToolText(adopted)));
        Assert.Equal(sessionId, adopted.SessionId ?? sessionId);
        Assert.Equal(1 - holder, ReplicaOf(LegacyMcpHttp.ToolText(again)));
        Assert.Equal(sessionId, again.SessionId ?? sessionId);
    }

    // "pong! instance=r1 v=... d=..."
    private static int ReplicaOf(string pong) =>
        int.Parse(pong.Split(' ')[1]["instance=r".Length..], CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        _http.Dispose();
    }
}
