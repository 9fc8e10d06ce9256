using Xunit;

namespace McpDemo.Gateway.Tests.Faults;

/// <summary>
/// A replica that stays down is said once, as a warning without a stack trace, however many probes fail meanwhile:
/// each gateway probes every replica every 2 s, and a line per failed probe buries everything else in the log.
/// </summary>
public sealed class HealthLogTests
{
    private const int FailedProbes = 5;

    [Fact]
    public async Task ReplicaThatStaysDown_IsLoggedOnce_AsAWarning_WithoutAStackTrace()
    {
        await using var down = new UnreadRequestReplica();
        await using var healthy = await FakeReplica.StartAsync("replica-1");
        await using var gateway = await GatewayProcess.StartAsync([down.Address, healthy.Address], []);

        // Probes come every second here; wait for them, not for a time.
        await gateway.Process.WaitForOutputAsync("is out of rotation", TimeSpan.FromSeconds(30));
        while (down.ResetConnections < FailedProbes)
        {
            await Task.Delay(100);
        }
        var log = gateway.Output.Split('\n');

        var outOfRotation = Assert.Single(log, line => line.Contains("is out of rotation", StringComparison.Ordinal));
        Assert.Contains(down.Address, outOfRotation, StringComparison.Ordinal);
        Assert.StartsWith("warn: ", log[Array.IndexOf(log, outOfRotation) - 1], StringComparison.Ordinal);
        Assert.DoesNotContain(log, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(log, line => line.Contains("Probing destination", StringComparison.Ordinal));
    }
}
