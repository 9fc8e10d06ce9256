namespace McpDemo.Topology.Tests;

/// <summary>
/// <c>--mode stateful</c> with the shared store: a client that keeps no cookies is round-robined over every replica
/// within one legacy session (the gateway pins nothing, any replica adopts the session from the store); a client
/// with a cookie jar stays on the replica of its cookie; and new sessions spread over the replicas either way.
/// </summary>
public sealed class StatefulTopologyTests(StatefulAppHost appHost) : IClassFixture<StatefulAppHost>
{
    private const int PingsPerSession = 10;

    // Twice the replicas: the gateway's round-robin position is wherever earlier tests of this AppHost left it.
    private const int Sessions = 6;

    [Fact]
    public async Task TypeScriptClient_WithoutCookieJar_OneSessionIsServedByEveryReplica()
    {
        var result = await TypeScriptPeer.PingAsync(appHost.McpEndpoint, pings: PingsPerSession);

        Assert.False(string.IsNullOrEmpty(result.SessionId), "A stateful server must hand out Mcp-Session-Id.");
        Assert.Equal(RunningAppHost.Servers, result.Pongs.Select(Pong.InstanceOf).Distinct().Order());
    }

    [Fact]
    public async Task CSharpClient_WithCookieJar_SessionsStayOnOneReplica_AndSpreadOverAll()
    {
        const bool withCookieJar = true;
        var replicaOfSession = new List<string>();

        for (var session = 0; session < Sessions; session++)
        {
            await using var client = await SessionClient.ConnectAsync(appHost.McpEndpoint, withCookieJar);
            Assert.False(string.IsNullOrEmpty(client.SessionId), "A stateful server must hand out Mcp-Session-Id.");
            var answeredBy = new List<string>();
            for (var ping = 0; ping < PingsPerSession; ping++)
            {
                answeredBy.Add(await client.PingAsync());
            }

            Assert.True(answeredBy.Distinct().Count() == 1, $"Session {client.SessionId} was answered by {string.Join(", ", answeredBy)}.");
            replicaOfSession.Add(answeredBy[0]);
        }

        Assert.Equal(RunningAppHost.Servers, replicaOfSession.Distinct().Order());
    }
}
