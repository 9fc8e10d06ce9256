using System.Globalization;
using System.Text.RegularExpressions;
using McpDemo.Client.Failures;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>The client against the real McpDemo.Server running stateless: no sessions in any revision.</summary>
public sealed partial class StatelessServerTests(StatelessServer server) : BothModesTests<StatelessServer>(server)
{
    [Fact]
    public async Task DefaultRun_FindsTheEndpoint_FromTheAppHostGatewayReference()
    {
        var run = await ClientRun.RunAsync(
            ["--count", "1"],
            new Dictionary<string, string?> { ["services__gateway__http__0"] = Server.Endpoint.GetLeftPart(UriPartial.Authority) });

        run.AssertExitCode(ExitCodes.Success);
        Assert.Contains($"Connected to {Server.Endpoint.AbsoluteUri}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"spread: {Server.InstanceId}=1", run.Lines);
    }

    [Fact]
    public async Task Tools_ListsTheServerToolsWithTheirArguments()
    {
        var run = (await ClientRun.RunAsync("tools", "--endpoint", Server.Endpoint.AbsoluteUri)).AssertExitCode(ExitCodes.Success);

        var ping = Assert.Single(run.Lines, line => line.Contains(" ping ", StringComparison.Ordinal));
        Assert.Contains("delayMs: integer", ping, StringComparison.Ordinal);
        var ticker = Assert.Single(run.Lines, line => line.Contains(" start_ticker ", StringComparison.Ordinal));
        Assert.Contains("count*: integer", ticker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_InALegacySession_OnAStatelessServer_WarnsThatThereIsNoSession()
    {
        var run = (await ClientRun.RunAsync("watch", "--protocol", "2025-11-25", "--start-ticker", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.ToolError).AssertNoStackTrace();

        Assert.Contains("warning: the server gave no session", run.Output, StringComparison.Ordinal);
        Assert.Contains("leave out --protocol to listen with 2026-07-28", run.Output, StringComparison.Ordinal);
        var error = Assert.Single(run.Lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("start_ticker", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_ShortRun_PrintsThroughputErrorsAndPercentiles()
    {
        var run = (await ClientRun.RunAsync("bench", "--concurrency", "2", "--duration", "2s", "--endpoint", Server.Endpoint.AbsoluteUri))
            .AssertExitCode(ExitCodes.Success);

        var figures = BenchFigures.Parse(run);
        Assert.True(figures.Calls > 0, run.Output);
        Assert.Equal(0, figures.Errors);
        Assert.Contains(run.Lines, line => line.Contains("stateless", StringComparison.Ordinal) && line.Contains("mode", StringComparison.Ordinal));
        Assert.Contains($"spread: {Server.InstanceId}={figures.Calls}", run.Lines);
    }

    [Fact]
    public async Task Loop_KeepsCalling_UntilSigterm_ThenPrintsTheSpread()
    {
        await using var client = ClientRun.Start(["--loop", "--interval", "50ms", "--endpoint", Server.Endpoint.AbsoluteUri]);
        await client.WaitForOutputAsync("#3 ");

        // What an AppHost (DCP) or a container runtime sends when it stops the client.
        await client.SignalAsync("TERM");

        Assert.Equal(ExitCodes.Success, await client.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var calls = int.Parse(SpreadCount(Server.InstanceId).Match(client.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(calls >= 3, client.Output);
    }

    private static Regex SpreadCount(string instance) => new($@"^spread: {Regex.Escape(instance)}=(\d+)$", RegexOptions.Multiline);
}
