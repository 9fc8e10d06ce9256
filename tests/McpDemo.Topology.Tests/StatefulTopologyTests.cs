namespace McpDemo.Topology.Tests;

/// <summary>
/// <c>--mode stateful</c>: each legacy session stays on the replica that created it, even for a client that keeps no
/// cookies and only sends <c>Mcp-Session-Id</c>, and new sessions spread over the replicas.
/// </summary>
public sealed class StatefulTopologyTests(StatefulAppHost appHost) : IClassFixture<StatefulAppHost>
{
    private const int PingsPerSession = 10;

    // Twice the replicas: the gateway's round-robin position is wherever earlier tests of this AppHost left it.
    private const int Sessions = 6;

    [Fact]
    public async Task TypeScriptClient_WithoutCookieJar_SessionsStayOnOneReplica_AndSpreadOverAll()
    {
        var replicaOfSession = new List<string>();

        for (var session = 0; session < Sessions; session++)
        {
            var result = await TypeScriptPeer.PingAsync(appHost.McpEndpoint, pings: PingsPerSession);

            Assert.False(string.IsNullOrEmpty(result.SessionId), "A stateful server must hand out Mcp-Session-Id.");
            var answeredBy = result.Pongs.Select(Pong.InstanceOf).ToList();
            Assert.True(answeredBy.Distinct().Count() == 1, $"Session {result.SessionId} was answered by {string.Join(", ", answeredBy)}.");
            replicaOfSession.Add(answeredBy[0]);
        }

        Assert.Equal(RunningAppHost.Servers, replicaOfSession.Distinct().Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CSharpClient_SessionsStayOnOneReplica_AndSpreadOverAll(bool withCookieJar)
    {
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
