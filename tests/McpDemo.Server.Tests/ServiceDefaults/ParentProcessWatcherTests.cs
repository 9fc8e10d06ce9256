using System.Diagnostics;
using System.Globalization;
using McpDemo.ServiceDefaults;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.ServiceDefaults;

public sealed class ParentProcessWatcherTests
{
    [Fact]
    public async Task Server_StopsGracefully_WhenItsParentIsKilled()
    {
        await using var parent = TestProcess.Start("sleep", ["300"]);
        var parentPid = parent.Id.ToString(CultureInfo.InvariantCulture);
        var port = FreePort.Next();
        await using var server = TestProcess.StartProject(
            "src/McpDemo.Server",
            ["--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?> { ["MCPDEMO_PARENT_PID"] = parentPid });
        await server.WaitForHttpOkAsync($"http://127.0.0.1:{port}/health");

        // SIGKILL, as when an AppHost is killed outright: it cannot tell its children anything.
        using (var kill = Process.Start("kill", ["-KILL", parentPid]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"Parent process {parentPid} is gone", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_Stops_WhenItsParentIsAlreadyGone()
    {
        var parent = TestProcess.Start("true", []);
        var gonePid = parent.Id;
        await parent.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await parent.DisposeAsync();

        await using var server = TestProcess.StartProject(
            "src/McpDemo.Server",
            ["--urls", $"http://127.0.0.1:{FreePort.Next()}"],
            new Dictionary<string, string?> { ["MCPDEMO_PARENT_PID"] = gonePid.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Watcher_RefusesAValueThatIsNotAPid()
    {
        Assert.Throws<FormatException>(() => ParentProcessWatcher.ForPid("abc"));
        Assert.Null(ParentProcessWatcher.ForPid(""));
    }

    [Fact]
    public void Watcher_SeesItsOwnProcessAlive()
    {
        var watcher = ParentProcessWatcher.ForPid(Environment.ProcessId.ToString(CultureInfo.InvariantCulture))!;

        Assert.True(watcher.IsParentAlive);
    }
}
