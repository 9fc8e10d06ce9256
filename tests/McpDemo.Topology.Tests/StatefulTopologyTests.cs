namespace McpDemo.Topology.Tests;

/// <summary>
/// <c>--mode stateful</c> with the shared store: a client that keeps no cookies is round-robined over every replica
/// within one legacy session (the gateway pins nothing, any replica adopts the session from the store), and so is a
/// client with a cookie jar, since the gateway sets no affinity cookie while the store is on.
/// </summary>
public sealed class StatefulTopologyTests(StatefulAppHost appHost) : IClassFixture<StatefulAppHost>
{
    private const int PingsPerSession = 10;

    [Fact]
    public async Task TypeScriptClient_WithoutCookieJar_OneSessionIsServedByEveryReplica()
    {
        var result = await TypeScriptPeer.PingAsync(appHost.McpEndpoint, pings: PingsPerSession);

        Assert.False(string.IsNullOrEmpty(result.SessionId), "A stateful server must hand out Mcp-Session-Id.");
        Assert.Equal(RunningAppHost.Servers, result.Pongs.Select(Pong.ReplicaOf).Distinct().Order());
    }

    [Fact]
    public async Task CSharpClient_WithCookieJar_GetsNoAffinityCookie_AndOneSessionIsServedByEveryReplica()
    {
        await using var client = await SessionClient.ConnectAsync(appHost.McpEndpoint, withCookieJar: true);
        Assert.False(string.IsNullOrEmpty(client.SessionId), "A stateful server must hand out Mcp-Session-Id.");
        var answeredBy = new List<string>();
        for (var ping = 0; ping < PingsPerSession; ping++)
        {
            answeredBy.Add(await client.PingAsync());
        }

        // The store makes stickiness pointless, so the AppHost turns the cookie off too: even a client that keeps
        // cookies is spread over every replica within its one session.
        Assert.Empty(client.Cookies!.GetAllCookies());
        Assert.Equal(RunningAppHost.Servers, answeredBy.Distinct().Order());
    }
}
