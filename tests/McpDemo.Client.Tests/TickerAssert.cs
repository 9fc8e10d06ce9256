using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>Checks a finished <c>watch --start-ticker --ticks 3 --exit-after 3</c>: three ticks from the server, each once.</summary>
internal static class TickerAssert
{
    public static void ThreeTicks(ClientRun run, string instanceId)
    {
        Assert.Contains(run.Lines, line => line.StartsWith("start_ticker: ", StringComparison.Ordinal));
        var ticks = run.Lines.Where(line => line.Contains("] notifications/message info ticker: ", StringComparison.Ordinal)).ToList();
        Assert.True(ticks.Count == 3, run.Output);
        // The SDK may hand notifications to handlers concurrently, so lines can come out of order.
        for (var tick = 1; tick <= 3; tick++)
        {
            var data = @$"""tick"":{tick},""count"":3,""instance"":""{instanceId}""";
            Assert.True(ticks.Count(line => line.Contains(data, StringComparison.Ordinal)) == 1, $"No single line with {data} in:\n{run.Output}");
        }
        Assert.Contains("Received 3 notification(s).", run.Lines);
    }
}
