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
}
