using McpDemo.Testing;

namespace McpDemo.Topology.Tests;

/// <summary>The TypeScript SDK client (<c>eng/tools/ping-peer.mjs</c>, no cookie jar): one session, <c>tools/list</c>, then N pings.</summary>
internal static class TypeScriptPeer
{
    /// <summary>Runs the peer against <paramref name="endpoint"/> and returns what it saw; fails with its output.</summary>
    public static async Task<PingPeerResult> PingAsync(Uri endpoint, int pings)
    {
        await using var peer = NodeTools.Start("ping-peer.mjs", [endpoint.ToString(), pings.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var exitCode = await peer.WaitForExitAsync(RunningAppHost.Patience);
        Assert.True(exitCode == 0, $"ping-peer.mjs exited with {exitCode}.\n{peer.Output}");
        return PingPeerResult.Parse(peer.Output);
    }
}
