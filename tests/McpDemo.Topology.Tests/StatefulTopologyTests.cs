namespace McpDemo.Topology.Tests;

/// <summary>
/// Stateful servers behind the gateway: each session stays on the replica that created it, whether the client
/// keeps the gateway's cookie or only sends <c>Mcp-Session-Id</c>, and new sessions spread over the replicas.
/// </summary>
public sealed class StatefulTopologyTests
{
    private const int Sessions = 6;
    private const int PingsPerSession = 10;

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)] // the cookie alone, as behind an AWS ALB, which cannot pin by header
    public async Task CSharpClient_SessionsStayOnOneReplica_AndSpreadOverAll(bool withCookieJar, bool withSessionPins)
    {
        await using var topology = await McpTopology.StartAsync<Projects.McpDemo_Server>(
            "Stateful", gatewaySettings: new Dictionary<string, string> { ["Gateway__Sessions__Enabled"] = withSessionPins ? "true" : "false" });
        var replicaOfSession = new List<string>();

        for (var session = 0; session < Sessions; session++)
        {
            await using var client = await SessionClient.ConnectAsync(topology.McpEndpoint, withCookieJar);
            Assert.False(string.IsNullOrEmpty(client.SessionId), "A stateful server must hand out Mcp-Session-Id.");
            var answeredBy = new List<string>();
            for (var ping = 0; ping < PingsPerSession; ping++)
            {
                answeredBy.Add(await client.PingAsync());
            }

            Assert.True(answeredBy.Distinct().Count() == 1, $"Session {client.SessionId} was answered by {string.Join(", ", answeredBy)}.");
            if (client.Cookies is { } cookies)
            {
                Assert.Contains(cookies.GetAllCookies(), cookie => cookie.Name == "AWSALB");
            }
            replicaOfSession.Add(answeredBy[0]);
        }

        Assert.Equal(["server-1", "server-2", "server-3"], replicaOfSession.Distinct().Order());
    }

    [Fact]
    public async Task TypeScriptClient_WithoutCookieJar_SessionsStayOnOneReplica_AndSpreadOverAll()
    {
        await using var topology = await McpTopology.StartAsync<Projects.McpDemo_Server>("Stateful");
        var replicaOfSession = new List<string>();

        for (var session = 0; session < 3; session++)
        {
            var result = await TypeScriptPeer.PingAsync(topology, pings: PingsPerSession);

            Assert.False(string.IsNullOrEmpty(result.SessionId), "A stateful server must hand out Mcp-Session-Id.");
            var answeredBy = result.Pongs.Select(Pong.InstanceOf).ToList();
            Assert.True(answeredBy.Distinct().Count() == 1, $"Session {result.SessionId} was answered by {string.Join(", ", answeredBy)}.");
            replicaOfSession.Add(answeredBy[0]);
        }

        Assert.Equal(["server-1", "server-2", "server-3"], replicaOfSession.Distinct().Order());
    }
}
