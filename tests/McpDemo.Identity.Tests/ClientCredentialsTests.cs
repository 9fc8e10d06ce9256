using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpDemo.Identity.Tests;

/// <summary>Machines get signed, audience-bound JWTs with client credentials; every bad request gets an OAuth 4xx.</summary>
[Collection(IssuerCollection.Name)]
public sealed class ClientCredentialsTests(IssuerFixture fixture)
{
    private const string OtherResource = "http://127.0.0.1:5998/mcp";

    private IssuerProcess Issuer => fixture.Issuer;

    [Fact]
    public async Task A_client_credentials_token_is_a_signed_JWT_for_the_resource_with_the_scope()
    {
        using var http = OAuth.CreateHttpClient();

        using var response = await Issuer.RequestClientCredentialsTokenAsync(http);
        var token = await OAuth.ReadAccessTokenAsync(response);
        var result = await OAuth.ValidateAsync(http, Issuer.BaseAddress, token, IssuerProcess.Resource);

        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.False(jwt.IsEncrypted);
        Assert.Equal([IssuerProcess.Resource], jwt.Audiences);
        Assert.Equal("mcp:tools", jwt.GetClaim("scope").Value);
        Assert.Equal(IssuerProcess.ClientId, jwt.Subject);
        Assert.Equal(IssuerProcess.ClientId, jwt.GetClaim("client_id").Value);
    }

    [Fact]
    public async Task A_token_for_the_resource_does_not_validate_for_another_audience()
    {
        using var http = OAuth.CreateHttpClient();

        using var response = await Issuer.RequestClientCredentialsTokenAsync(http);
        var token = await OAuth.ReadAccessTokenAsync(response);
        var result = await OAuth.ValidateAsync(http, Issuer.BaseAddress, token, OtherResource);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task An_unregistered_resource_gets_invalid_target()
    {
        using var http = OAuth.CreateHttpClient();

        using var response = await Issuer.RequestClientCredentialsTokenAsync(http, resource: OtherResource);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_target", await OAuth.ReadErrorAsync(response));
    }

    [Theory]
    [InlineData(IssuerProcess.ClientId, "wrong-secret")]
    [InlineData("unknown-client", IssuerProcess.ClientSecret)]
    public async Task A_wrong_secret_or_an_unknown_client_gets_invalid_client(string clientId, string clientSecret)
    {
        using var http = OAuth.CreateHttpClient();

        using var response = await Issuer.RequestClientCredentialsTokenAsync(http, clientId, clientSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await OAuth.ReadErrorAsync(response));
    }

    [Fact]
    public async Task A_scope_the_client_was_not_given_is_refused()
    {
        using var http = OAuth.CreateHttpClient();

        using var response = await Issuer.RequestClientCredentialsTokenAsync(http, scope: "mcp:confirm");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await OAuth.ReadErrorAsync(response));
    }

    [Fact]
    public async Task Malformed_token_requests_get_an_OAuth_400()
    {
        using var http = OAuth.CreateHttpClient();

        using var noGrant = await Issuer.PostTokenRequestAsync(http, ("client_id", IssuerProcess.ClientId));
        using var unknownGrant = await Issuer.PostTokenRequestAsync(http, ("grant_type", "password"), ("client_id", IssuerProcess.ClientId));
        using var json = await http.PostAsync(Issuer.TokenEndpoint, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, noGrant.StatusCode);
        Assert.Equal("invalid_request", await OAuth.ReadErrorAsync(noGrant));
        Assert.Equal(HttpStatusCode.BadRequest, unknownGrant.StatusCode);
        Assert.Equal("unsupported_grant_type", await OAuth.ReadErrorAsync(unknownGrant));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("invalid_request", await OAuth.ReadErrorAsync(json));
    }
}
