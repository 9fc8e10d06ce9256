using System.Globalization;
using System.Net;
using McpDemo.Guards;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.EndToEnd;

/// <summary>
/// The <c>mcpdemo.server.sessions</c> gauge of two real McpDemo.Server processes on one store, read from the outside
/// (<see cref="RuntimeProbe"/>): a session adopted from the store counts on the replica that adopted it, and every
/// count returns to 0 once the session is deleted or idle.
/// </summary>
public sealed class SessionCountOnAStoreTests(StoreFixture<RedisStoreServer> fixture) : IClassFixture<StoreFixture<RedisStoreServer>>, IAsyncLifetime
{
    private readonly IStoreServer _store = fixture.Store;
    private readonly List<TestProcess> _replicas = [];
    private readonly List<Uri> _endpoints = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            // Under the JIT even when MCPDEMO_SERVER_BINARY names a NativeAOT build: the gauge's code is the same, and a
            // NativeAOT server published without EventSourceSupport opens no EventPipe for the probe to read it through.
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
            var replica = TestProcess.StartProject("src/McpDemo.Server",
                ["--urls", baseAddress.GetLeftPart(UriPartial.Authority), "--Mcp:SessionMode=Stateful", "--Mcp:IdleTimeout=00:00:20",
                 $"--ConnectionStrings:store={_store.ConnectionString}"]);
            _replicas.Add(replica);
            await replica.WaitForHttpOkAsync(new Uri(baseAddress, "health").ToString());
            _endpoints.Add(new Uri(baseAddress, "mcp"));
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        _http.Dispose();
    }

    [Fact]
    public async Task ASessionAdoptedFromTheStore_CountsOnTheAdoptingReplica_UntilItEnds()
    {
        var mcp = new LegacyMcpHttp(_http);
        var session = await mcp.StartSessionAsync(_endpoints[0]);
        Assert.Equal(0, await SessionsAsync(1));
        var adopted = await mcp.CallToolAsync(_endpoints[1], session, "ping");
        Assert.Equal(HttpStatusCode.OK, adopted.Status);
        Assert.Equal(1, await SessionsAsync(1));
        Assert.Equal(1, await SessionsAsync(0));

        using var delete = new HttpRequestMessage(HttpMethod.Delete, _endpoints[1]);
        delete.Headers.Add(McpHeaders.SessionId, session);
        delete.Headers.Add(McpHeaders.ProtocolVersion, LegacyMcpHttp.ProtocolVersion);
        using (var response = await _http.SendAsync(delete))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(0, await SessionsAsync(1));

        // The first replica's copy ends once idle for 20 s, at the SDK's next sweep (every 5 s).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        double sessions;
        while ((sessions = await SessionsAsync(0)) != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        Assert.Equal(0, sessions);
    }

    private async Task<double> SessionsAsync(int replica)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await new RuntimeProbe(_replicas[replica].Id).ReadMetricAsync(LegacySessionGauge.MeterName, LegacySessionGauge.InstrumentName, patience.Token);
    }
}
