using McpDemo.Client.Failures;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>
/// What the client does the same against the real McpDemo.Server in either session mode: both serve
/// 2026-07-28 without sessions, which the client speaks by default.
/// </summary>
public abstract class BothModesTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : McpServerFixture
{
    /// <summary>The server under test.</summary>
    protected TServer Server { get; } = server;

    [Fact]
    public async Task DefaultRun_Speaks2026_WithoutASession()
    {
        var run = (await ClientRun.RunAsync("--endpoint", Server.Endpoint.AbsoluteUri, "--count", "3")).AssertExitCode(ExitCodes.Success);

        var connected = Assert.Single(run.Lines, line => line.StartsWith("Connected to ", StringComparison.Ordinal));
        Assert.Contains("protocol 2026-07-28", connected, StringComparison.Ordinal);
        Assert.Contains("session none", connected, StringComparison.Ordinal);
        Assert.Contains(run.Lines, line => line.StartsWith("Tools: ", StringComparison.Ordinal) && line.Contains("confirm_action", StringComparison.Ordinal));
        for (var call = 1; call <= 3; call++)
        {
            var line = Assert.Single(run.Lines, line => line.StartsWith($"#{call} ", StringComparison.Ordinal));
            Assert.EndsWith($"pong! instance={Server.InstanceId} v=1.0.0 d=0", line, StringComparison.Ordinal);
        }
        Assert.Contains($"spread: {Server.InstanceId}=3", run.Lines);
    }

    [Fact]
    public async Task CallPing_PrintsTheTextAndTheStructuredContent()
    {
        var run = (await ClientRun.RunAsync("call", "ping", "--arg", "delayMs=5", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        Assert.Equal($"pong! instance={Server.InstanceId} v=1.0.0 d=5", run.Lines[0]);
        Assert.Contains("structured content:", run.Lines);
        Assert.Contains(@"""delayMs"": 5", run.Output, StringComparison.Ordinal);
        Assert.Contains($@"""instance"": ""{Server.InstanceId}""", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-07-28")]
    [InlineData("2025-11-25")]
    public async Task CallCountdown_PrintsItsProgressInOrder_ThenTheResult(string protocol)
    {
        var run = (await ClientRun.RunAsync(
                "call", "countdown", "--arg", "steps=3", "--arg", "intervalMs=100", "--protocol", protocol, "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        // The SDK handles notifications concurrently, so the client skips any that arrive stale or after the
        // result; what it prints is a rising subsequence of the countdown's progress, then the result.
        string[] countdown = ["progress 1/3 2 to go", "progress 2/3 1 to go", "progress 3/3 0 to go"];
        var result = run.Lines.ToList().IndexOf("liftoff after 3 steps");
        Assert.True(result > 0, run.Output);
        var progress = run.Lines.Take(result).ToList();
        Assert.NotEmpty(progress);
        Assert.Equal(countdown.Where(progress.Contains), progress);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public async Task CallConfirmAction_AnswersTheInputRequiredResult_WithTheGivenAnswer(string answer)
    {
        var run = (await ClientRun.RunAsync(
                "call", "confirm_action", "--arg", "action=deploy", "--answer", answer, "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        ConfirmActionAssert.Answered(run, answer);
    }

    [Fact]
    public async Task CallConfirmAction_ReadsTheAnswerFromStandardInput_AskingAgainUntilItIsYesOrNo()
    {
        var run = (await ClientRun.RunWithInputAsync(
                "maybe\nyes\n", "call", "confirm_action", "--arg", "action=deploy", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        Assert.Contains("Please answer yes or no.", run.Output, StringComparison.Ordinal);
        ConfirmActionAssert.Answered(run, "yes");
    }

    [Fact]
    public async Task CallConfirmAction_WithoutAnAnswer_FailsSayingHowToGiveOne()
    {
        var run = (await ClientRun.RunWithInputAsync("", "call", "confirm_action", "--arg", "action=deploy", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Usage)
            .AssertNoStackTrace();

        Assert.Contains("got no answer", run.Output, StringComparison.Ordinal);
        Assert.Contains("--answer yes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_PrintsTheTickerNotifications_FromTheListenStream()
    {
        var run = (await ClientRun.RunAsync(
                "watch", "--start-ticker", "--ticks", "3", "--tick-interval", "50ms", "--exit-after", "3", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        Assert.Contains(run.Lines, line => line.StartsWith($"Watching {Server.Endpoint.AbsoluteUri} on subscriptions/listen", StringComparison.Ordinal));
        TickerAssert.ThreeTicks(run, Server.InstanceId);
    }

    [Fact]
    public async Task Watch_EndsOnCtrlC_ClosingItsListenStream_AndTheServerStaysUp()
    {
        await using (var watch = ClientRun.Start(["watch", "--endpoint", Server.Endpoint.AbsoluteUri]))
        {
            await watch.WaitForOutputAsync("on subscriptions/listen");

            await watch.SignalAsync("INT");

            Assert.Equal(ExitCodes.Success, await watch.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("Received 0 notification(s).", watch.Output, StringComparison.Ordinal);
        }
        (await ClientRun.RunAsync("call", "ping", "--endpoint", Server.Endpoint.AbsoluteUri)).AssertExitCode(ExitCodes.Success);
    }

    [Fact]
    public async Task Call_UnknownTool_IsToolError_NamingTheTool()
    {
        var run = (await ClientRun.RunAsync("call", "no_such_tool", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.ToolError).AssertNoStackTrace();

        var error = Assert.Single(run.Lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("no_such_tool", error, StringComparison.Ordinal);
        Assert.Contains("Run the 'tools' command", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ping", "delayMs=-1", "delayMs must be between 0 and 10000")]
    [InlineData("ping", "delayMs=soon", "Invalid arguments")]
    [InlineData("countdown", "steps=0 intervalMs=1", "steps must be between 1 and 1000")]
    [InlineData("confirm_action", "", "action")]
    public async Task Call_WithABadArgument_IsToolError_WithTheToolsMessage(string tool, string arguments, string message)
    {
        var run = (await ClientRun.RunAsync(
                ["call", tool, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(argument => new[] { "--arg", argument }), "--answer", "yes", "--endpoint", Server.Endpoint.AbsoluteUri],
                environment: null))
            .AssertExitCode(ExitCodes.ToolError).AssertNoStackTrace();

        var error = Assert.Single(run.Lines, line => line.StartsWith($"error: Tool '{tool}' reported an error: ", StringComparison.Ordinal));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
