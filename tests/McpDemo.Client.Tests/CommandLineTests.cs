using McpDemo.Client.Failures;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>What the client does before it talks to any server: help, and refusing bad command lines.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_ListsCommandsAndDocumentsExitCodes()
    {
        var run = (await ClientRun.RunAsync("--help")).AssertExitCode(ExitCodes.Success);

        foreach (var command in new[] { "tools", "call <tool>", "watch", "bench", "--protocol <version>" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
        Assert.Contains("--endpoint <url>", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
        Assert.Contains("  2  endpoint unreachable", run.Output, StringComparison.Ordinal);
        Assert.Contains("  5  tool call failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandHelp_IsShown_EvenWhenItsArgumentIsMissing()
    {
        var run = (await ClientRun.RunAsync("call", "--help")).AssertExitCode(ExitCodes.Success);

        Assert.Contains("--arg <key=value>", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoEndpoint_IsUsageError_SayingHowToNameOne()
    {
        var run = (await ClientRun.RunAsync()).AssertExitCode(ExitCodes.Usage).AssertNoStackTrace();

        Assert.Contains("error: No MCP endpoint: pass --endpoint URL", run.Output, StringComparison.Ordinal);
        Assert.Contains("services__gateway__http__0", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/mcp")]
    public async Task EndpointThatIsNotAnHttpUrl_IsUsageError(string endpoint)
    {
        var run = (await ClientRun.RunAsync("tools", "--endpoint", endpoint)).AssertExitCode(ExitCodes.Usage).AssertNoStackTrace();

        Assert.Contains($"'{endpoint}' from --endpoint is not an http:// or https:// URL", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_IsUsageError_PointingAtHelp()
    {
        var run = (await ClientRun.RunAsync("--no-such-option")).AssertExitCode(ExitCodes.Usage).AssertNoStackTrace();

        Assert.Contains("error: Unrecognized command or argument '--no-such-option'", run.Output, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolArgumentWithoutValue_IsUsageError()
    {
        var run = (await ClientRun.RunAsync("call", "ping", "--arg", "delayMs", "--endpoint", "http://127.0.0.1:1/mcp"))
            .AssertExitCode(ExitCodes.Usage).AssertNoStackTrace();

        Assert.Contains("--arg 'delayMs' is not key=value", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolArgumentGivenTwice_IsUsageError()
    {
        var run = (await ClientRun.RunAsync("call", "ping", "-a", "delayMs=1", "-a", "delayMs=2", "-e", "http://127.0.0.1:1/mcp"))
            .AssertExitCode(ExitCodes.Usage);

        Assert.Contains("--arg 'delayMs' is given twice", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "soon")]
    [InlineData("--concurrency", "0")]
    [InlineData("--mode", "sticky")]
    public async Task BadBenchOption_IsUsageError_OnOneLine(string option, string value)
    {
        var run = (await ClientRun.RunAsync("bench", option, value, "-e", "http://127.0.0.1:1/mcp"))
            .AssertExitCode(ExitCodes.Usage).AssertNoStackTrace();

        var error = Assert.Single(run.Lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("call", "ping", "--protocol", "2099-01-01")]
    [InlineData("call", "confirm_action", "--answer", "maybe")]
    public async Task BadProtocolOrAnswer_IsUsageError_OnOneLine(string command, string tool, string option, string value)
    {
        var run = (await ClientRun.RunAsync(command, tool, option, value, "-e", "http://127.0.0.1:1/mcp"))
            .AssertExitCode(ExitCodes.Usage).AssertNoStackTrace();

        var error = Assert.Single(run.Lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallWithoutToolName_IsUsageError()
    {
        (await ClientRun.RunAsync("call", "-e", "http://127.0.0.1:1/mcp")).AssertExitCode(ExitCodes.Usage).AssertNoStackTrace();
    }

    [Fact]
    public async Task EndpointNobodyListensOn_IsUnreachable()
    {
        var endpoint = $"http://127.0.0.1:{FreePort.Next()}/mcp";

        var run = (await ClientRun.RunAsync("--endpoint", endpoint)).AssertExitCode(ExitCodes.Unreachable).AssertNoStackTrace();

        Assert.Contains($"error: Cannot reach {endpoint}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Is the server running?", run.Output, StringComparison.Ordinal);
    }
}
