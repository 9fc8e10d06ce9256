using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Peers;

/// <summary>
/// The official TypeScript SDK clients against the product server in both modes (<c>eng/tools/client-peer.mjs</c>):
/// v1 (<c>@modelcontextprotocol/sdk</c>, 2025 era) and v2 (<c>@modelcontextprotocol/client</c> with
/// <c>versionNegotiation: 'auto'</c>, 2026-07-28). Each lists tools, pings 20 times, counts down with progress and
/// runs confirm_action, answering its elicitation.
/// </summary>
public sealed class TypeScriptSdkPeerTests
{
    private const string Action = "restart the demo";

    [Theory]
    [InlineData("v1", "Stateless")]
    [InlineData("v1", "Stateful")]
    [InlineData("v2", "Stateless")]
    [InlineData("v2", "Stateful")]
    public async Task TypeScriptClient_RunsTheProductTools(string sdk, string sessionMode)
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", sessionMode);
        await using var peer = NodeTools.Start("client-peer.mjs", [sdk, server.McpEndpoint.ToString()]);

        var exitCode = await peer.WaitForExitAsync(TimeSpan.FromSeconds(90));

        var seen = $"client-peer.mjs output:\n{peer.Output}\n\nserver output:\n{server.Process.Output}";
        Assert.True(exitCode == 0, $"client-peer.mjs exited with {exitCode}.\n{seen}");
        var result = ResultLine.Parse<PeerResult>(peer.Output);
        Assert.Equal(["confirm_action", "countdown", "ping", "start_ticker", "whoami"], result.Tools.Order());
        Assert.Equal(20, result.Pongs.Length);
        Assert.All(result.Pongs, pong => Assert.StartsWith("pong! instance=", pong));
        Assert.Equal([1, 2, 3], result.Progress);
        Assert.Equal("liftoff after 3 steps", result.Countdown);

        var legacySession = sdk == "v1" && sessionMode == "Stateful";
        Assert.Equal(sdk == "v2" ? "2026-07-28" : "2025-11-25", result.ProtocolVersion);
        Assert.True(legacySession == result.SessionId is not null, $"Only a 2025 client of a stateful server has a session.\n{seen}");
        if (sdk == "v1" && sessionMode == "Stateless")
        {
            // Nothing can ask a 2025 client without a session: a clear tool error, not a hang or a 5xx.
            Assert.True(result.ConfirmIsError, seen);
            Assert.Contains("stateless", result.Confirm, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(result.Questions);
        }
        else
        {
            Assert.False(result.ConfirmIsError, seen);
            Assert.Equal($"confirmed: {Action}", result.Confirm);
            Assert.Equal([$"Confirm: {Action}?"], result.Questions);
        }
    }

    /// <summary>The <c>RESULT</c> line of client-peer.mjs.</summary>
    private sealed record PeerResult(
        string? ProtocolVersion, string? SessionId, string[] Tools, string[] Pongs, int[] Progress, string Countdown,
        string[] Questions, string Confirm, bool ConfirmIsError);
}
