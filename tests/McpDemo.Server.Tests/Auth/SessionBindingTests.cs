using System.Net;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>A legacy session belongs to the subject of the token that opened it, as it belongs to an API key without OAuth.</summary>
[Collection(OAuthServerCollection.Name)]
public sealed class SessionBindingTests(OAuthServerFixture fixture)
{
    [Fact]
    public async Task ALegacySession_RefusesAnotherSubjectsToken_AndServesItsOwn()
    {
        var session = await LegacySession.OpenAsync(fixture.Endpoint, await fixture.Topology.GetTokenAsync(IdentityProcess.FullClient));

        var other = await fixture.Topology.GetTokenAsync(IdentityProcess.OtherClient);
        using (var stolen = await LegacySession.CallAsync(fixture.Endpoint, session, other, "ping", []))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
        }
        // A fresh token of the same subject is the same caller.
        var renewed = await fixture.Topology.GetTokenAsync(IdentityProcess.FullClient);
        using var own = await LegacySession.CallAsync(fixture.Endpoint, session, renewed, "ping", []);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.StartsWith("pong!", (await RawMcp.ReadMessageAsync(own)).GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }
}
