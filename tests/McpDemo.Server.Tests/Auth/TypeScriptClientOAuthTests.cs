using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>
/// The TypeScript SDK v2 client with its <c>ClientCredentialsProvider</c> (<c>oauth-client-peer.mjs</c> beside this file),
/// through the gateway: from the 401 it finds the metadata and the issuer, gets a token for the gateway's resource, and calls.
/// </summary>
public sealed class TypeScriptClientOAuthTests
{
    [Fact]
    public async Task TheTypeScriptClient_GetsATokenWithClientCredentials_AndCallsThroughTheGateway()
    {
        await using var topology = await OAuthTopology.StartAsync(withGateway: true);
        var script = Path.Combine(RepoLayout.Root, "tests", "McpDemo.Server.Tests", "Auth", "oauth-client-peer.mjs");
        await using var peer = NodeTools.Start(script,
            [topology.Resource.AbsoluteUri, topology.Issuer.Issuer.AbsoluteUri, IdentityProcess.ToolsClient, IdentityProcess.Secret]);

        var exitCode = await peer.WaitForExitAsync(TimeSpan.FromSeconds(90));

        var seen = $"peer:\n{peer.Output}\n\n{topology.Output}";
        Assert.True(exitCode == 0, $"oauth-client-peer.mjs exited with {exitCode}.\n{seen}");
        var result = ResultLine.Parse<PeerResult>(peer.Output);
        Assert.Equal(3, result.TokenParts);
        Assert.Equal(["countdown", "ping", "start_ticker", "whoami"], result.Tools.Order());
        Assert.StartsWith("pong!", result.Pong, StringComparison.Ordinal);
        Assert.Equal(RawMcp.Current, result.ProtocolVersion);
    }

    /// <summary>The <c>RESULT</c> line of oauth-client-peer.mjs.</summary>
    private sealed record PeerResult(string? ProtocolVersion, string[] Tools, string Pong, int TokenParts);
}
