using System.Net;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class FailoverTests
{
    [Fact]
    public async Task KilledReplica_IsTakenOut_AndBackInOnceHealthyAgain()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient();

        // Service discovery names each destination for its address.
        var destination = $"destination `server[{topology.Replicas[1].Address}/]` on cluster `server`";
        var beforeKill = topology.Gateway.Process.OutputMark;
        await topology.KillAsync(1);
        // Requests keep succeeding at once: a refused connection fails over to another replica.
        var whileDown = await client.InstancesAsync(6);
        await topology.Gateway.Process.WaitForOutputAsync($"{destination} is set to 'Unhealthy'", TimeSpan.FromSeconds(30), after: beforeKill);

        var beforeRestart = topology.Gateway.Process.OutputMark;
        await topology.RestartAsync(1);
        await topology.Gateway.Process.WaitForOutputAsync($"{destination} is set to 'Healthy'", TimeSpan.FromSeconds(30), after: beforeRestart);
        var afterRestart = await client.InstancesAsync(6);

        Assert.DoesNotContain("replica-1", whileDown);
        Assert.Contains("replica-1", afterRestart);
    }

    [Fact]
    public async Task SessionOfAKilledReplica_GetsNotFound_NotAGatewayError_AndReinitializes()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient();
        var lost = await client.InitializeAsync();

        await topology.KillAsync(topology.IndexOf(lost.Instance));
        var (status, _) = await client.SendAsync("ping", lost.Session);
        var renewed = await client.InitializeAsync();
        var reply = await client.CallAsync("ping", renewed.Session);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.NotEqual(lost.Instance, renewed.Instance);
        Assert.Equal(renewed.Instance, reply.Instance);
    }

    [Fact]
    public async Task ClientWithCookieForAKilledReplica_IsServedByAnother()
    {
        await using var topology = await Topology.StartAsync(2);
        using var client = topology.Gateway.CreateClient(withCookieJar: true);
        var pinned = (await client.CallAsync("ping")).Instance;

        await topology.KillAsync(topology.IndexOf(pinned));
        var instances = await client.InstancesAsync(3);

        Assert.All(instances, instance => Assert.NotEqual(pinned, instance));
    }
}
