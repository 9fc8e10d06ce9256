using System.Net;
using System.Text;
using McpDemo.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpDemo.Identity.Tests;

/// <summary>Machines get signed, audience-bound JWTs with client credentials; every bad request gets an OAuth 4xx.</summary>
[Collection(IssuerCollection.Name)]
public sealed class ClientCredentialsTests(IssuerFixture fixture)
{
    // The default client allowed mcp:tools alone.
    private const string Client = IdentityProcess.ToolsClient;

    private IdentityProcess Issuer => fixture.Issuer;

    [Fact]
    public async Task A_client_credentials_token_is_a_signed_JWT_for_the_resource_with_the_scope()
    {
        using var response = await Issuer.RequestTokenAsync(Client, "mcp:tools", IssuerFixture.Resource);
        var token = await OAuthAnswers.ReadAccessTokenAsync(response);
        var result = await Issuer.ValidateAsync(token, IssuerFixture.Resource);

        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.False(jwt.IsEncrypted);
        Assert.Equal([IssuerFixture.Resource], jwt.Audiences);
        Assert.Equal("mcp:tools", jwt.GetClaim("scope").Value);
        Assert.Equal(Client, jwt.Subject);
        Assert.Equal(Client, jwt.GetClaim("client_id").Value);
    }

    [Fact]
    public async Task A_token_for_the_resource_does_not_validate_for_another_audience()
    {
        using var response = await Issuer.RequestTokenAsync(Client, "mcp:tools", IssuerFixture.Resource);
        var token = await OAuthAnswers.ReadAccessTokenAsync(response);
        var result = await Issuer.ValidateAsync(token, IssuerFixture.OtherResource);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task An_unregistered_resource_gets_invalid_target()
    {
        using var response = await Issuer.RequestTokenAsync(Client, "mcp:tools", IssuerFixture.OtherResource);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_target", await OAuthAnswers.ReadErrorAsync(response));
    }

    [Theory]
    [InlineData(Client, "wrong-secret")]
    [InlineData("unknown-client", IdentityProcess.Secret)]
    public async Task A_wrong_secret_or_an_unknown_client_gets_invalid_client(string clientId, string clientSecret)
    {
        using var response = await Issuer.RequestTokenAsync(clientId, "mcp:tools", IssuerFixture.Resource, clientSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await OAuthAnswers.ReadErrorAsync(response));
    }

    [Fact]
    public async Task A_scope_the_client_was_not_given_is_refused()
    {
        using var response = await Issuer.RequestTokenAsync(Client, "mcp:confirm", IssuerFixture.Resource);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await OAuthAnswers.ReadErrorAsync(response));
    }

    [Fact]
    public async Task Malformed_token_requests_get_an_OAuth_400()
    {
        using var http = new HttpClient();

        using var noGrant = await Issuer.PostTokenRequestAsync(("client_id", Client));
        using var unknownGrant = await Issuer.PostTokenRequestAsync(("grant_type", "password"), ("client_id", Client));
        using var json = await http.PostAsync(Issuer.TokenEndpoint, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, noGrant.StatusCode);
        Assert.Equal("invalid_request", await OAuthAnswers.ReadErrorAsync(noGrant));
        Assert.Equal(HttpStatusCode.BadRequest, unknownGrant.StatusCode);
        Assert.Equal("unsupported_grant_type", await OAuthAnswers.ReadErrorAsync(unknownGrant));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("invalid_request", await OAuthAnswers.ReadErrorAsync(json));
    }
}
