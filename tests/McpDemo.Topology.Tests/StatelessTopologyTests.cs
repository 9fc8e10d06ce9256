using System.Net;
using System.Text;

namespace McpDemo.Topology.Tests;

/// <summary>Stateless servers behind the gateway: any replica answers any request.</summary>
public sealed class StatelessTopologyTests
{
    [Fact]
    public async Task TypeScriptClient_ThroughGateway_ReachesEveryReplica_Within30Calls()
    {
        await using var topology = await McpTopology.StartAsync<Projects.McpDemo_Server>("Stateless");

        var result = await TypeScriptPeer.PingAsync(topology, pings: 30);

        Assert.Null(result.SessionId);
        Assert.Equal(30, result.Pongs.Length);
        Assert.Equal(["server-1", "server-2", "server-3"], result.Pongs.Select(Pong.InstanceOf).Distinct().Order());
    }

    [Fact]
    public async Task HostileHost_ThroughGateway_IsForbiddenByTheReplica()
    {
        await using var topology = await McpTopology.StartAsync<Projects.McpDemo_Server>("Stateless");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, topology.McpEndpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        // A DNS-rebinding page reaches the gateway under the attacker's name; the replica must see that name to refuse it.
        request.Headers.Host = "evil.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
