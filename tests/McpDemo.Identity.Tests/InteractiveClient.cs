using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using McpDemo.Testing;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Identity.Tests;

/// <summary>
/// What a headless MCP client does against the issuer: register itself (RFC 7591), ask for a code with PKCE, and
/// exchange it. Nothing listens at the loopback redirect URI: the test reads the code from the redirect.
/// </summary>
internal sealed class InteractiveClient(IdentityProcess issuer) : IDisposable
{
    /// <summary>The loopback redirect URI the client registers.</summary>
    public const string RedirectUri = "http://127.0.0.1:5997/callback";

    // Sees redirects instead of following them: the authorize endpoint's answer is a redirect the test reads.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>A fresh PKCE verifier and its S256 challenge (RFC 7636).</summary>
    public static (string Verifier, string Challenge) CreatePkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>Posts <paramref name="metadata"/> to the registration endpoint.</summary>
    public Task<HttpResponseMessage> PostRegistrationAsync(HttpContent metadata) => _http.PostAsync(new Uri(issuer.Issuer, "register"), metadata);

    /// <summary>Registers with <see cref="RedirectUri"/> and returns the client id.</summary>
    public async Task<string> RegisterAsync()
    {
        using var response = await PostRegistrationAsync(JsonContent.Create(new { redirect_uris = new[] { RedirectUri }, client_name = "identity tests" }));
        return (await OAuthAnswers.ReadSuccessAsync(response)).GetProperty("client_id").GetString()!;
    }

    /// <summary>
    /// Asks for a code for <paramref name="clientId"/>: <see cref="RedirectUri"/>, scope <c>mcp:tools</c>,
    /// <see cref="IssuerFixture.Resource"/> and an S256 <paramref name="challenge"/> (none when null), each replaced by a
    /// same-named <paramref name="overrides"/> entry.
    /// </summary>
    public Task<HttpResponseMessage> AuthorizeAsync(string clientId, string? challenge, params (string Name, string Value)[] overrides)
    {
        var parameters = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "mcp:tools",
            ["resource"] = IssuerFixture.Resource,
        };
        if (challenge is not null)
        {
            parameters["code_challenge"] = challenge;
            parameters["code_challenge_method"] = "S256";
        }
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }
        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return _http.GetAsync(new Uri(issuer.Issuer, "connect/authorize?" + query));
    }

    /// <summary>Exchanges <paramref name="code"/> with <paramref name="verifier"/> for a token for <see cref="IssuerFixture.Resource"/>.</summary>
    public Task<HttpResponseMessage> ExchangeAsync(string clientId, string code, string verifier) =>
        issuer.PostTokenRequestAsync(
            ("grant_type", "authorization_code"),
            ("client_id", clientId),
            ("code", code),
            ("code_verifier", verifier),
            ("redirect_uri", RedirectUri),
            ("resource", IssuerFixture.Resource));

    /// <summary>The query parameters of the redirect an authorization answer sends the browser to, checking it goes to <see cref="RedirectUri"/>.</summary>
    public static Dictionary<string, string> ReadRedirect(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        return query.AllKeys.OfType<string>().ToDictionary(key => key, key => query[key]!);
    }

    /// <summary>Disposes the client's connections.</summary>
    public void Dispose() => _http.Dispose();
}
