using McpDemo.Client.Failures;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>The client against the real McpDemo.Server running stateful: sessions and server-initiated messages.</summary>
public sealed class StatefulServerTests(StatefulServer server) : IClassFixture<StatefulServer>
{
    [Fact]
    public async Task DefaultRun_MakesItsCallsInOneSession()
    {
        var run = (await ClientRun.RunAsync("--endpoint", server.Endpoint, "--count", "2")).AssertExitCode(ExitCodes.Success);

        var connected = Assert.Single(run.Lines, line => line.StartsWith("Connected to ", StringComparison.Ordinal));
        Assert.Contains("protocol 2025-11-25", connected, StringComparison.Ordinal);
        Assert.DoesNotContain("session none", connected, StringComparison.Ordinal);
        Assert.Contains($"spread: {server.InstanceId}=2", run.Lines);
    }

    [Fact]
    public async Task Watch_PrintsTheTickerNotifications_FromTheGetStream()
    {
        var run = (await ClientRun.RunAsync(
                "watch", "--start-ticker", "--ticks", "3", "--tick-interval", "50ms", "--exit-after", "3", "--endpoint", server.Endpoint))
            .AssertExitCode(ExitCodes.Success);

        Assert.Contains(run.Lines, line => line.StartsWith("start_ticker: ticker started: 3 ticks", StringComparison.Ordinal));
        var ticks = run.Lines.Where(line => line.Contains("] notifications/message info ticker: ", StringComparison.Ordinal)).ToList();
        Assert.True(ticks.Count == 3, run.Output);
        // The SDK may hand notifications to handlers concurrently, so lines can come out of order.
        for (var tick = 1; tick <= 3; tick++)
        {
            var data = @$"""tick"":{tick},""count"":3,""instance"":""{server.InstanceId}""";
            Assert.True(ticks.Count(line => line.Contains(data, StringComparison.Ordinal)) == 1, $"No single line with {data} in:\n{run.Output}");
        }
        Assert.Contains("Received 3 notification(s).", run.Lines);
    }

    [Fact]
    public async Task Bench_Stateful_KeepsOneSessionPerWorker_AndPrintsFigures()
    {
        var run = (await ClientRun.RunAsync(
                "bench", "--mode", "stateful", "--concurrency", "2", "--duration", "2s", "--arg", "delayMs=1", "--endpoint", server.Endpoint))
            .AssertExitCode(ExitCodes.Success);

        var figures = BenchFigures.Parse(run);
        Assert.True(figures.Calls > 0, run.Output);
        Assert.Equal(0, figures.Errors);
        Assert.Contains(run.Lines, line => line.Contains("stateful", StringComparison.Ordinal) && line.Contains("mode", StringComparison.Ordinal));
    }
}
