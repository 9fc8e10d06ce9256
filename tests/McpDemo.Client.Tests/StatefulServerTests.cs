using McpDemo.Client.Failures;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>
/// The client against the real McpDemo.Server running stateful (the SDK's hybrid mode): 2026-07-28 without
/// sessions by default, and legacy sessions with their server-initiated messages under <c>--protocol 2025-11-25</c>.
/// </summary>
public sealed class StatefulServerTests(StatefulServer server) : BothModesTests<StatefulServer>(server)
{
    [Fact]
    public async Task DefaultRun_WithTheLegacyProtocol_MakesItsCallsInOneSession()
    {
        var run = (await ClientRun.RunAsync("--endpoint", Server.Endpoint.AbsoluteUri, "--count", "2", "--protocol", "2025-11-25"))
            .AssertExitCode(ExitCodes.Success);

        var connected = Assert.Single(run.Lines, line => line.StartsWith("Connected to ", StringComparison.Ordinal));
        Assert.Contains("protocol 2025-11-25", connected, StringComparison.Ordinal);
        Assert.DoesNotContain("session none", connected, StringComparison.Ordinal);
        Assert.Contains($"spread: {Server.InstanceId}=2", run.Lines);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public async Task CallConfirmAction_InALegacySession_AnswersTheElicitationRequest(string answer)
    {
        var run = (await ClientRun.RunAsync(
                "call", "confirm_action", "--arg", "action=deploy", "--answer", answer, "--protocol", "2025-11-25", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        ConfirmActionAssert.Answered(run, answer);
    }

    [Fact]
    public async Task Watch_InALegacySession_PrintsTheTickerNotifications_FromTheGetStream()
    {
        var run = (await ClientRun.RunAsync(
                "watch", "--protocol", "2025-11-25", "--start-ticker", "--ticks", "3", "--tick-interval", "50ms", "--exit-after", "3",
                "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        Assert.Contains(run.Lines, line => line.StartsWith($"Watching {Server.Endpoint.AbsoluteUri} on the session's GET stream", StringComparison.Ordinal));
        TickerAssert.ThreeTicks(run, Server.InstanceId);
    }

    [Fact]
    public async Task Bench_Stateful_KeepsOneSessionPerWorker_AndPrintsFigures()
    {
        var run = (await ClientRun.RunAsync(
                "bench", "--mode", "stateful", "--concurrency", "2", "--duration", "2s", "--arg", "delayMs=1", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        var figures = BenchFigures.Parse(run);
        Assert.True(figures.Calls > 0, run.Output);
        Assert.Equal(0, figures.Errors);
        Assert.Contains(run.Lines, line => line.Contains("stateful", StringComparison.Ordinal) && line.Contains("mode", StringComparison.Ordinal));
    }
}
