using Xunit;

namespace McpDemo.Gateway.Tests.Faults;

/// <summary>
/// A hung replica (connections open, nothing answered) refuses nothing, so only the active probe can take it out of
/// rotation, and every call sent to it meanwhile waits. The gateway's <c>HungReplica</c> policy takes a replica out at
/// its first probe that times out while another replica answered the same round; when every probe of a round times
/// out, it waits for the consecutive-failure threshold, as the machine is the likelier cause. Both tests set that
/// threshold out of reach, so only the lone-timeout rule can take a replica out.
/// </summary>
public sealed class HungReplicaTests
{
    private static readonly string s_thresholdOutOfReach = $"{GatewayProcess.Cluster}:Metadata:ConsecutiveFailuresHealthPolicy.Threshold=1000";

    [Fact]
    public async Task AReplicaThatAnswersNothing_WhileAnotherAnswers_IsTakenOut_AndCallsGoToTheOther()
    {
        await using var hung = new HungReplica();
        await using var healthy = await FakeReplica.StartAsync("replica-1");
        await using var gateway = await GatewayProcess.StartAsync([hung.Address, healthy.Address], [s_thresholdOutOfReach]);

        // Probes come every second here and time out after one; wait for them, not for a time.
        await gateway.Process.WaitForOutputAsync("is out of rotation", TimeSpan.FromSeconds(30));
        using var client = gateway.CreateClient();
        var answeredBy = await client.InstancesAsync(10);

        Assert.Contains(gateway.Output.Split('\n'), line => line.Contains("is out of rotation", StringComparison.Ordinal) && line.Contains(hung.Address, StringComparison.Ordinal));
        Assert.All(answeredBy, replica => Assert.Equal("replica-1", replica));
    }

    [Fact]
    public async Task WhenEveryReplicaTimesOut_NoneIsTakenOutBeforeTheThreshold()
    {
        await using var first = new HungReplica();
        await using var second = new HungReplica();
        await using var gateway = await GatewayProcess.StartAsync([first.Address, second.Address], [s_thresholdOutOfReach]);

        // Each timed-out probe leaves its connection behind, so three on each is three rounds that all timed out.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (first.Connections < 3 || second.Connections < 3)
        {
            await Task.Delay(100, patience.Token);
        }

        Assert.DoesNotContain("is out of rotation", gateway.Output, StringComparison.Ordinal);
    }
}
