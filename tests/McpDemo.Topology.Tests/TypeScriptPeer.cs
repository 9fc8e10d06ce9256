using McpDemo.Testing;

namespace McpDemo.Topology.Tests;

/// <summary>The TypeScript SDK client (<c>eng/tools/ping-peer.mjs</c>): one session, <c>tools/list</c>, then N pings.</summary>
internal static class TypeScriptPeer
{
    /// <summary>Runs the peer against <paramref name="topology"/>'s gateway and returns what it saw; fails with both sides' output.</summary>
    public static async Task<PingPeerResult> PingAsync(McpTopology topology, int pings)
    {
        await using var peer = NodeTools.Start("ping-peer.mjs", [topology.McpEndpoint.ToString(), pings.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var exitCode = await peer.WaitForExitAsync(McpTopology.Patience);
        Assert.True(exitCode == 0, $"ping-peer.mjs exited with {exitCode}.\n{peer.Output}\n--- topology ---\n{topology.Output}");
        return PingPeerResult.Parse(peer.Output);
    }
}
