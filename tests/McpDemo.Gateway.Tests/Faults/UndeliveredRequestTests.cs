using Xunit;

namespace McpDemo.Gateway.Tests.Faults;

/// <summary>
/// A request whose bytes never reached a replica's app is sent to another replica, whether the connection was refused
/// (tested in FailoverTests) or reset with the request unread, which is what a kept-alive connection to a just-killed
/// replica does. A request the replica may have read is never sent twice.
/// </summary>
public sealed class UndeliveredRequestTests
{
    private const int Calls = 10;

    [Fact]
    public async Task RequestResetUnread_IsSentToAnotherReplica_AndTheClientSeesNoError()
    {
        await using var dying = new UnreadRequestReplica();
        await using var healthy = await FakeReplica.StartAsync("replica-1");
        // No active probes: only the request path can find out that the first replica is gone.
        await using var gateway = await GatewayProcess.StartAsync(
            [dying.Address, healthy.Address], [$"{GatewayProcess.Cluster}:HealthCheck:Active:Enabled=false"]);
        using var client = gateway.CreateClient();

        var answeredBy = await client.InstancesAsync(Calls);

        Assert.True(dying.DroppedPosts >= 1, "No call went to the dying replica: the test proves nothing.");
        Assert.All(answeredBy, replica => Assert.Equal("replica-1", replica));
    }
}
