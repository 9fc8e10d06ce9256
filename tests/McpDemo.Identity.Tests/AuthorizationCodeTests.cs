using System.Net;
using McpDemo.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpDemo.Identity.Tests;

/// <summary>An interactive client registers, gets a code for the development user with PKCE (S256 only), and exchanges it.</summary>
[Collection(IssuerCollection.Name)]
public sealed class AuthorizationCodeTests(IssuerFixture fixture)
{
    private IdentityProcess Issuer => fixture.Issuer;

    [Fact]
    public async Task A_registered_client_gets_a_token_for_the_development_user_with_PKCE()
    {
        using var client = new InteractiveClient(Issuer);
        var clientId = await client.RegisterAsync();
        var (verifier, challenge) = InteractiveClient.CreatePkce();

        using var authorize = await client.AuthorizeAsync(clientId, challenge, ("scope", "mcp:tools mcp:confirm"), ("state", "state-1"));
        var redirect = InteractiveClient.ReadRedirect(authorize);
        using var exchange = await client.ExchangeAsync(clientId, redirect["code"], verifier);
        var token = await OAuthAnswers.ReadAccessTokenAsync(exchange);
        var result = await Issuer.ValidateAsync(token, IssuerFixture.Resource);

        Assert.Equal("state-1", redirect["state"]);
        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("developer", jwt.Subject);
        Assert.Equal(clientId, jwt.GetClaim("client_id").Value);
        Assert.Equal("mcp:tools mcp:confirm", jwt.GetClaim("scope").Value);
    }

    [Fact]
    public async Task A_code_exchanged_with_the_wrong_verifier_gets_invalid_grant()
    {
        using var client = new InteractiveClient(Issuer);
        var clientId = await client.RegisterAsync();

        using var authorize = await client.AuthorizeAsync(clientId, InteractiveClient.CreatePkce().Challenge);
        using var exchange = await client.ExchangeAsync(clientId, InteractiveClient.ReadRedirect(authorize)["code"], InteractiveClient.CreatePkce().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, exchange.StatusCode);
        Assert.Equal("invalid_grant", await OAuthAnswers.ReadErrorAsync(exchange));
    }

    [Fact]
    public async Task Plain_PKCE_is_refused_with_JSON()
    {
        using var client = new InteractiveClient(Issuer);
        var clientId = await client.RegisterAsync();
        var (verifier, _) = InteractiveClient.CreatePkce();

        using var authorize = await client.AuthorizeAsync(clientId, verifier, ("code_challenge_method", "plain"));

        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.Equal("invalid_request", await OAuthAnswers.ReadErrorAsync(authorize));
    }

    [Fact]
    public async Task Missing_PKCE_is_refused_with_JSON()
    {
        using var client = new InteractiveClient(Issuer);
        var clientId = await client.RegisterAsync();

        using var authorize = await client.AuthorizeAsync(clientId, challenge: null);

        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.Equal("invalid_request", await OAuthAnswers.ReadErrorAsync(authorize));
    }

    [Fact]
    public async Task A_redirect_uri_the_client_did_not_register_is_refused_without_a_redirect()
    {
        using var client = new InteractiveClient(Issuer);
        var clientId = await client.RegisterAsync();

        using var authorize = await client.AuthorizeAsync(clientId, InteractiveClient.CreatePkce().Challenge, ("redirect_uri", "http://127.0.0.1:5996/elsewhere"));

        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.Null(authorize.Headers.Location);
        Assert.Equal("invalid_request", await OAuthAnswers.ReadErrorAsync(authorize));
    }

    [Fact]
    public async Task An_unregistered_resource_on_the_authorize_request_gets_invalid_target()
    {
        using var client = new InteractiveClient(Issuer);
        var clientId = await client.RegisterAsync();

        using var authorize = await client.AuthorizeAsync(clientId, InteractiveClient.CreatePkce().Challenge, ("resource", IssuerFixture.OtherResource));

        // OpenIddict checks the resource before the redirect URI, so the refusal is answered here, not redirected.
        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.Equal("invalid_target", await OAuthAnswers.ReadErrorAsync(authorize));
    }
}
