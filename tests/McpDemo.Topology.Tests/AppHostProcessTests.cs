using System.Globalization;
using System.Net;
using System.Net.Sockets;
using McpDemo.Testing;

namespace McpDemo.Topology.Tests;

/// <summary>
/// The real AppHost (<c>src/McpDemo.AppHost</c>) as a process, as people run it, with its gateway on a free port:
/// however it ends, no McpDemo process outlives it.
/// </summary>
public sealed class AppHostProcessTests
{
    private const string Ready = "Press Ctrl+C to stop.";

    [Fact]
    public async Task CtrlC_StopsEveryChild_AndExitsZero()
    {
        await using var appHost = await StartAppHostAsync();
        var children = AppHostChildren.Of(appHost.Id);
        Assert.True(children.Count >= 4, $"Expected 3 servers and the gateway running; found {AppHostChildren.Describe(children)}.\n{appHost.Output}");

        await appHost.SignalAsync("INT");
        var exitCode = await appHost.WaitForExitAsync(McpTopology.Patience);

        Assert.True(exitCode == 0, $"The AppHost exited with {exitCode} after Ctrl+C.\n{appHost.Output}");
        var survivors = AppHostChildren.Of(appHost.Id);
        Assert.True(survivors.Count == 0, $"Still running after the AppHost exited: {AppHostChildren.Describe(survivors)}");
    }

    [Fact]
    public async Task KilledAppHost_LeavesNoChildRunning()
    {
        await using var appHost = await StartAppHostAsync();
        Assert.NotEmpty(AppHostChildren.Of(appHost.Id));

        await appHost.SignalAsync("KILL");
        await appHost.WaitForExitAsync(McpTopology.Patience);

        // Nobody stops them: each child watches MCPDEMO_PARENT_PID and leaves on its own.
        await AppHostChildren.WaitUntilNoneAsync(appHost.Id, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task DefaultRun_DemoCallsSpreadOverTheReplicas()
    {
        await using var appHost = await StartAppHostAsync();
        var deadline = DateTime.UtcNow + McpTopology.Patience;
        while (!appHost.Output.Contains("client-1 finished", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !appHost.HasExited, $"The demo client did not finish:\n{appHost.Output}");
            await Task.Delay(200);
        }

        // Stateless is the default: any replica may answer each call, and the demo is there to show it.
        var spread = appHost.Output.Split('\n').Single(line => line.Contains("client-1", StringComparison.Ordinal) && line.Contains("spread: ", StringComparison.Ordinal));
        Assert.True(spread.Count(c => c == '=') > 1, $"The stateless demo's calls all went to one replica: {spread}\n{appHost.Output}");
    }

    [Fact]
    public async Task GatewayPortInUse_ExitsNonZero_WithAClearMessage_AndNoChildLeft()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        await using var appHost = StartAppHost(port);
        var exitCode = await appHost.WaitForExitAsync(McpTopology.Patience);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Port {port}", appHost.Output, StringComparison.Ordinal);
        Assert.Contains("already in use", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", appHost.Output, StringComparison.Ordinal);
        Assert.Empty(AppHostChildren.Of(appHost.Id));
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("http")]
    public async Task BadGatewayPort_ExitsWithAUsageError(string gatewayPort)
    {
        await using var appHost = TestProcess.StartProject("src/McpDemo.AppHost", ["--gateway-port", gatewayPort]);

        var exitCode = await appHost.WaitForExitAsync(McpTopology.Patience);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", appHost.Output, StringComparison.Ordinal);
        Assert.Contains(gatewayPort, appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", appHost.Output, StringComparison.Ordinal);
    }

    private static TestProcess StartAppHost(int gatewayPort) =>
        TestProcess.StartProject(
            "src/McpDemo.AppHost",
            ["--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string?>
            {
                ["NO_COLOR"] = "1",
                // Telemetry goes to a port nobody listens on, never to a developer's dashboard.
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{FreePort.Next()}",
            });

    private static async Task<TestProcess> StartAppHostAsync()
    {
        var appHost = StartAppHost(FreePort.Next());
        var deadline = DateTime.UtcNow + McpTopology.Patience;
        while (!appHost.Output.Contains(Ready, StringComparison.Ordinal))
        {
            if (appHost.HasExited || DateTime.UtcNow > deadline)
            {
                var output = appHost.Output;
                await appHost.DisposeAsync();
                throw new InvalidOperationException($"The AppHost did not start:\n{output}");
            }
            await Task.Delay(200);
        }
        return appHost;
    }
}
