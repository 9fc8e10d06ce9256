using System.Globalization;
using System.Text.RegularExpressions;
using McpDemo.Client.Failures;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>The client against the real McpDemo.Server running stateless.</summary>
public sealed partial class StatelessServerTests(StatelessServer server) : IClassFixture<StatelessServer>
{
    [Fact]
    public async Task DefaultRun_PrintsTheInstanceOfEachCall_AndTheSpread()
    {
        var run = (await ClientRun.RunAsync("--endpoint", server.Endpoint, "--count", "3")).AssertExitCode(ExitCodes.Success);

        Assert.Contains("session none (stateless)", run.Output, StringComparison.Ordinal);
        Assert.Contains(run.Lines, line => line.StartsWith("Tools: ", StringComparison.Ordinal) && line.Contains("ping", StringComparison.Ordinal));
        for (var call = 1; call <= 3; call++)
        {
            var line = Assert.Single(run.Lines, line => line.StartsWith($"#{call} ", StringComparison.Ordinal));
            Assert.Contains($" {server.InstanceId} ", line, StringComparison.Ordinal);
            Assert.EndsWith($"pong! instance={server.InstanceId} v=1.0.0 d=0", line, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("#4 ", StringComparison.Ordinal));
        Assert.Contains($"spread: {server.InstanceId}=3", run.Lines);
    }

    [Fact]
    public async Task DefaultRun_FindsTheEndpoint_FromTheAppHostGatewayReference()
    {
        var run = await ClientRun.RunAsync(
            ["--count", "1"],
            new Dictionary<string, string?> { ["services__gateway__http__0"] = server.BaseAddress });

        run.AssertExitCode(ExitCodes.Success);
        Assert.Contains($"Connected to {server.Endpoint}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"spread: {server.InstanceId}=1", run.Lines);
    }

    [Fact]
    public async Task Tools_ListsTheServerToolsWithTheirArguments()
    {
        var run = (await ClientRun.RunAsync("tools", "--endpoint", server.Endpoint)).AssertExitCode(ExitCodes.Success);

        var ping = Assert.Single(run.Lines, line => line.Contains(" ping ", StringComparison.Ordinal));
        Assert.Contains("delayMs: integer", ping, StringComparison.Ordinal);
        var ticker = Assert.Single(run.Lines, line => line.Contains(" start_ticker ", StringComparison.Ordinal));
        Assert.Contains("count*: integer", ticker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallPing_PrintsTheTextAndTheStructuredContent()
    {
        var run = (await ClientRun.RunAsync("call", "ping", "--arg", "delayMs=5", "--endpoint", server.Endpoint))
            .AssertExitCode(ExitCodes.Success);

        Assert.Equal($"pong! instance={server.InstanceId} v=1.0.0 d=5", run.Lines[0]);
        Assert.Contains("structured content:", run.Lines);
        Assert.Contains(@"""delayMs"": 5", run.Output, StringComparison.Ordinal);
        Assert.Contains($@"""instance"": ""{server.InstanceId}""", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnknownTool_IsToolError_NamingTheTool()
    {
        var run = (await ClientRun.RunAsync("call", "no_such_tool", "--endpoint", server.Endpoint))
            .AssertExitCode(ExitCodes.ToolError).AssertNoStackTrace();

        var error = Assert.Single(run.Lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("no_such_tool", error, StringComparison.Ordinal);
        Assert.Contains("Run the 'tools' command", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delayMs=-1", "delayMs must be between 0 and 10000")]
    [InlineData("delayMs=soon", "Invalid arguments")]
    public async Task Call_WithABadArgument_IsToolError_WithTheToolsMessage(string argument, string message)
    {
        var run = (await ClientRun.RunAsync("call", "ping", "--arg", argument, "--endpoint", server.Endpoint))
            .AssertExitCode(ExitCodes.ToolError).AssertNoStackTrace();

        var error = Assert.Single(run.Lines, line => line.StartsWith("error: Tool 'ping' reported an error: ", StringComparison.Ordinal));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_StartTicker_OnAStatelessServer_SaysItNeedsASession()
    {
        var run = (await ClientRun.RunAsync("watch", "--start-ticker", "--endpoint", server.Endpoint))
            .AssertExitCode(ExitCodes.ToolError).AssertNoStackTrace();

        Assert.Contains("warning: the server gave no session", run.Output, StringComparison.Ordinal);
        Assert.Contains("start_ticker needs a session", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_ShortRun_PrintsThroughputErrorsAndPercentiles()
    {
        var run = (await ClientRun.RunAsync("bench", "--concurrency", "2", "--duration", "2s", "--endpoint", server.Endpoint))
            .AssertExitCode(ExitCodes.Success);

        var figures = BenchFigures.Parse(run);
        Assert.True(figures.Calls > 0, run.Output);
        Assert.Equal(0, figures.Errors);
        Assert.Contains(run.Lines, line => line.Contains("stateless", StringComparison.Ordinal) && line.Contains("mode", StringComparison.Ordinal));
        Assert.Contains($"spread: {server.InstanceId}={figures.Calls}", run.Lines);
    }

    [Fact]
    public async Task Loop_KeepsCalling_UntilItsParentIsGone_ThenPrintsTheSpread()
    {
        var parent = TestProcess.Start("sleep", ["300"]);
        await using var client = ClientRun.Start(
            ["--loop", "--interval", "50ms", "--endpoint", server.Endpoint],
            new Dictionary<string, string?> { ["MCPDEMO_PARENT_PID"] = parent.Id.ToString(CultureInfo.InvariantCulture) });
        await WaitForOutputAsync(client, "#3 ");

        await parent.DisposeAsync();

        Assert.Equal(ExitCodes.Success, await client.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var calls = int.Parse(SpreadCount(server.InstanceId).Match(client.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(calls >= 3, client.Output);
    }

    private static async Task WaitForOutputAsync(TestProcess process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!process.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(process.HasExited, $"The client exited before writing '{text}':\n{process.Output}");
            await Task.Delay(50, timeout.Token);
        }
    }

    private static Regex SpreadCount(string instance) => new($@"^spread: {Regex.Escape(instance)}=(\d+)$", RegexOptions.Multiline);
}
