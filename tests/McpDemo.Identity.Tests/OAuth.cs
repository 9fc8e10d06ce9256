using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Identity.Tests;

/// <summary>What the tests do as an OAuth client: read answers, make PKCE pairs, and validate tokens as a resource server would.</summary>
internal static class OAuth
{
    /// <summary>A client that sees redirects instead of following them, as the authorize endpoint's answers must be read.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>The <c>error</c> of an OAuth error answer, checking it is JSON.</summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }

    /// <summary>The <c>access_token</c> of a successful token answer.</summary>
    public static async Task<string> ReadAccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A fresh PKCE verifier and its S256 challenge (RFC 7636).</summary>
    public static (string Verifier, string Challenge) CreatePkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>
    /// Validates <paramref name="token"/> the way a resource server does: keys from the issuer's discovered JWKS,
    /// signature, issuer, lifetime and audience.
    /// </summary>
    public static async Task<TokenValidationResult> ValidateAsync(HttpClient http, Uri issuer, string token, string audience)
    {
        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri(issuer, ".well-known/openid-configuration"));
        var keys = new JsonWebKeySet(await http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString()));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer.AbsoluteUri,
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
        });
    }
}
