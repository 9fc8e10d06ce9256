using McpDemo.Hosting.Orchestration;

namespace McpDemo.Topology.Tests;

/// <summary>The default demo: the client resource runs through the gateway once the topology is healthy, and its output reaches the orchestrator's console.</summary>
public sealed class DemoRunTests
{
    [Fact]
    public async Task DemoClient_ThroughGateway_Finishes_AndItsPongsAppearInTheConsole()
    {
        await using var topology = await McpTopology.StartAsync<Projects.McpDemo_Server>("Stateless", withDemoClient: true);

        var client = await topology.App.WaitForReplicaAsync("client-1", r => r.State is ReplicaState.Finished or ReplicaState.Restarting or ReplicaState.Failed)
            .WaitAsync(McpTopology.Patience);

        Assert.True(client.State == ReplicaState.Finished, $"The demo client ended {client.State}: {client.Message}\n{topology.Output}");
        var pongLines = topology.Output.Split('\n')
            .Where(line => line.StartsWith("client-1", StringComparison.Ordinal) && line.Contains("pong! instance=server-", StringComparison.Ordinal))
            .ToList();
        Assert.True(pongLines.Count == 10, $"Expected the demo's 10 pong lines, prefixed client-1, in the console:\n{topology.Output}");
    }
}
