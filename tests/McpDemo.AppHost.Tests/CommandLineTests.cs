using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>The built AppHost, as a user runs it, on a bad command line (the values themselves are checked in <see cref="TopologyOptionsTests"/>).</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task BadValue_IsOneClearLine_AndExitCode2_BeforeAnythingStarts()
    {
        await using var appHost = AppHostProcess.Start("--replicas", "0");

        var exitCode = await appHost.WaitForExitAsync(AppHostProcess.Patience);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(appHost.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --replicas must be a whole number from 1 to 64, not '0'.", line, StringComparison.Ordinal);
    }
}
