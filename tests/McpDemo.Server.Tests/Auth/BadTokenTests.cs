using System.Net;
using System.Text.Json;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>
/// Every credential a resource server must refuse (issue 17, item 6), sent to the server itself: the right status, the
/// right <c>WWW-Authenticate</c> (naming the metadata document and the scope the call needs), a JSON-RPC error body,
/// never a 5xx, and one warning in the log that does not hold the token.
/// </summary>
[Collection(OAuthServerCollection.Name)]
public sealed class BadTokenTests(OAuthServerFixture fixture)
{
    public static TheoryData<string> Cases => [.. BadCredential.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadCredential_IsRefusedWithItsChallenge_AndLoggedOnce(string name)
    {
        var credential = await BadCredential.CreateAsync(name, fixture.Topology);
        var server = fixture.Topology.Server.Process;
        var mark = server.OutputMark;

        using var response = await Refusals.CallAsync(fixture.Endpoint, "ping", credential.Authorizations);

        Assert.Equal(credential.Status, response.StatusCode);
        var challenge = Refusals.Challenge(response);
        var expected = credential.Error switch
        {
            null => $"Bearer resource_metadata=\"{fixture.MetadataUri}\", scope=\"mcp:tools\"",
            "invalid_request" => $"Bearer error=\"invalid_request\", error_description=\"send one Authorization header\", resource_metadata=\"{fixture.MetadataUri}\"",
            var error => $"Bearer error=\"{error}\", resource_metadata=\"{fixture.MetadataUri}\", scope=\"mcp:tools\"",
        };
        Assert.Equal(expected, challenge);
        var body = await RawMcp.ReadMessageAsync(response);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("id").ValueKind);
        Assert.True(body.TryGetProperty("error", out _), body.ToString());
        await Refusals.AssertLoggedOnceAsync(server, mark, fixture.Endpoint, credential.LogReason, credential.Secret);
    }

    [Fact]
    public async Task ATokenWithoutTheToolsScope_IsForbidden_NamingIt()
    {
        var key = await fixture.Topology.Issuer.ReadSigningKeyAsync();
        var token = TestTokens.Sign(key, fixture.Topology.Issuer.Issuer.AbsoluteUri, fixture.Endpoint.AbsoluteUri, scope: "mcp:confirm");
        var mark = fixture.Topology.Server.Process.OutputMark;

        using var response = await Refusals.CallAsync(fixture.Endpoint, "ping", $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"Bearer error=\"insufficient_scope\", scope=\"mcp:tools\", resource_metadata=\"{fixture.MetadataUri}\"", Refusals.Challenge(response));
        await Refusals.AssertLoggedOnceAsync(fixture.Topology.Server.Process, mark, fixture.Endpoint, "lacks a scope of 'mcp:tools'", token.Split('.')[2]);
    }

    [Fact]
    public async Task ATokenWithAnotherToolsScope_IsForbiddenThisTool_AndServedItsOwn()
    {
        // Signed by the issuer's key: the issuer itself knows only mcp:tools and mcp:confirm.
        var key = await fixture.Topology.Issuer.ReadSigningKeyAsync();
        var token = TestTokens.Sign(key, fixture.Topology.Issuer.Issuer.AbsoluteUri, fixture.Endpoint.AbsoluteUri,
            scope: $"mcp:tools {OAuthServerFixture.CountdownScope}");
        var mark = fixture.Topology.Server.Process.OutputMark;

        using var refused = await Refusals.CallAsync(fixture.Endpoint, "confirm_action", $"Bearer {token}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal($"Bearer error=\"insufficient_scope\", scope=\"mcp:tools mcp:confirm\", resource_metadata=\"{fixture.MetadataUri}\"",
            Refusals.Challenge(refused));
        await Refusals.AssertLoggedOnceAsync(fixture.Topology.Server.Process, mark, fixture.Endpoint, "lacks a scope of 'mcp:tools mcp:confirm'", token.Split('.')[2]);

        using var served = await Refusals.CallAsync(fixture.Endpoint, "countdown", $"Bearer {token}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var answer = await RawMcp.ReadMessageAsync(served);
        Assert.Equal("liftoff after 3 steps", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }
}
