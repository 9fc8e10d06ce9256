using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>However the AppHost ends, nothing it started outlives it by more than 30 s: DCP, the dashboard, the services.</summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan s_allGoneWithin = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("INT")]  // Ctrl+C in a terminal
    [InlineData("KILL")] // the AppHost dies without a chance to clean up
    public async Task AppHostStopped_LeavesNoProcessBehind(string signal)
    {
        await using var appHost = await AppHostProcess.StartHealthyAsync(FreePort.Next());
        var tree = ProcessTree.Of(appHost.Id);
        // 3 servers and the gateway, each under its dotnet run wrapper, besides DCP, the dashboard and the AppHost.
        Assert.True(tree.Count >= 10, $"Expected the whole topology under the AppHost; found {ProcessTree.Describe(tree)}\n{appHost.Output}");

        await appHost.SignalAsync(signal);

        var deadline = DateTime.UtcNow + s_allGoneWithin;
        while (ProcessTree.Alive(tree) is { Count: > 0 } survivors)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still running {s_allGoneWithin.TotalSeconds:0} s after SIG{signal}: {string.Join("; ", survivors)}");
            await Task.Delay(250);
        }
    }
}
