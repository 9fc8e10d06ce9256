using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Peers;

/// <summary>The official TypeScript SDK client (StreamableHTTPClientTransport) against the product server.</summary>
public sealed class TypeScriptSdkPeerTests
{
    private const int Pings = 20;

    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task TypeScriptClient_ListsToolsAndPings20Times(string sessionMode)
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", sessionMode);
        await using var peer = NodeTools.Start("ping-peer.mjs", [server.McpEndpoint.ToString(), Pings.ToString()]);

        var exitCode = await peer.WaitForExitAsync(TimeSpan.FromSeconds(90));

        var seen = $"ping-peer.mjs output:\n{peer.Output}\n\nserver output:\n{server.Process.Output}";
        Assert.True(exitCode == 0, $"ping-peer.mjs exited with {exitCode}.\n{seen}");
        var result = PingPeerResult.Parse(peer.Output);
        Assert.True(result.Tools.Contains("ping"), $"tools/list lacks ping.\n{seen}");
        Assert.Equal(Pings, result.Pongs.Length);
        Assert.All(result.Pongs, pong => Assert.StartsWith("pong! instance=", pong));
        if (sessionMode == "Stateful")
        {
            Assert.False(string.IsNullOrEmpty(result.SessionId), $"A stateful server must hand out Mcp-Session-Id.\n{seen}");
        }
        else
        {
            Assert.True(result.SessionId is null, $"A stateless server must not hand out Mcp-Session-Id.\n{seen}");
        }
    }
}
