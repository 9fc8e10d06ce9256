using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using McpDemo.Hosting.Orchestration;
using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>The orchestrator as a separate process, as people run it: signals, a sudden death, bad input.</summary>
public sealed partial class AppHostProcessTests
{
    [Fact]
    public async Task KilledAppHost_ChildrenNoticeAndExitByThemselves()
    {
        await using var host = StartTestHost();
        var children = await WaitForChildPidsAsync(host, count: 3);

        using (var process = Process.GetProcessById(host.Id))
        {
            process.Kill(entireProcessTree: false);
        }

        // Nobody stops the children: they watch MCPDEMO_PARENT_PID and leave on their own.
        await TestTopology.WaitUntilGoneAsync(children, TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task StopSignalToAppHost_StopsEveryChild_AndExitsZero(string signal)
    {
        await using var host = StartTestHost();
        var children = await WaitForChildPidsAsync(host, count: 3);

        await SendSignalAsync(host.Id, signal);
        var exitCode = await host.WaitForExitAsync(TestTopology.Patience);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(children, ProcessTree.IsAlive);
        Assert.Contains("worker-1 stopped", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInUse_ExitsNonZero_NamingThePortAndItsHolder()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        await using var host = StartTestHost("--port", port.ToString(CultureInfo.InvariantCulture));

        var exitCode = await host.WaitForExitAsync(TestTopology.Patience);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: Port {port}, wanted by worker-1 (http), is already in use by pid {Environment.ProcessId}", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "Unrecognized command or argument '--bogus'")]
    [InlineData("--replicas 0", "--replicas must be between 1 and 64, not 0.")]
    [InlineData("--replicas 1000", "--replicas must be between 1 and 64, not 1000.")]
    [InlineData("--replicas many", "many")]
    [InlineData("--mode weird", "weird")]
    public async Task AppHost_RejectsBadOptions_WithAClearMessage(string arguments, string expected)
    {
        await using var appHost = TestProcess.StartProject("src/McpDemo.AppHost", arguments.Split(' '));

        var exitCode = await appHost.WaitForExitAsync(TestTopology.Patience);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, appHost.Output, StringComparison.Ordinal);
        Assert.StartsWith("error: ", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", appHost.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppHost_Help_ListsTheTopologyOptions()
    {
        await using var appHost = TestProcess.StartProject("src/McpDemo.AppHost", ["--help"]);

        Assert.Equal(0, await appHost.WaitForExitAsync(TestTopology.Patience));
        Assert.Contains("--mode", appHost.Output, StringComparison.Ordinal);
        Assert.Contains("--replicas", appHost.Output, StringComparison.Ordinal);
    }

    private static TestProcess StartTestHost(params string[] arguments) =>
        TestProcess.StartProject("tests/McpDemo.AppHost.TestHost", ["--project", TestTopology.ServiceProject, "--replicas", "2", .. arguments]);

    private static async Task<IReadOnlyList<int>> WaitForChildPidsAsync(TestProcess host, int count)
    {
        var deadline = DateTime.UtcNow + TestTopology.Patience;
        while (!host.Output.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal))
        {
            if (host.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The test host did not start:\n{host.Output}");
            }
            await Task.Delay(100);
        }
        var pids = StartedPid().Matches(host.Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(count, pids.Count);
        Assert.All(pids, pid => Assert.True(ProcessTree.IsAlive(pid)));
        return pids;
    }

    [GeneratedRegex(@"started \(pid (\d+)\)")]
    private static partial Regex StartedPid();

    private static async Task SendSignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
