using System.Net.Http.Json;
using System.Text.Json;
using System.Web;

namespace McpDemo.Identity.Tests;

/// <summary>
/// What a headless MCP client does against the issuer: register itself (RFC 7591), ask for a code with PKCE, and
/// exchange it. Nothing listens at the loopback redirect URI: the test reads the code from the redirect.
/// </summary>
internal sealed class InteractiveClient(HttpClient http, Uri issuer)
{
    /// <summary>The loopback redirect URI the client registers.</summary>
    public const string RedirectUri = "http://127.0.0.1:5997/callback";

    /// <summary>Posts <paramref name="metadata"/> to the registration endpoint.</summary>
    public Task<HttpResponseMessage> PostRegistrationAsync(HttpContent metadata) => http.PostAsync(new Uri(issuer, "register"), metadata);

    /// <summary>Registers with <see cref="RedirectUri"/> and returns the client id.</summary>
    public async Task<string> RegisterAsync()
    {
        using var response = await PostRegistrationAsync(JsonContent.Create(new { redirect_uris = new[] { RedirectUri }, client_name = "identity tests" }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("client_id").GetString()!;
    }

    /// <summary>
    /// Asks for a code for <paramref name="clientId"/>: <see cref="RedirectUri"/>, scope <c>mcp:tools</c>, the
    /// issuer's resource and an S256 <paramref name="challenge"/> (none when null), each replaced by a same-named
    /// <paramref name="overrides"/> entry.
    /// </summary>
    public Task<HttpResponseMessage> AuthorizeAsync(string clientId, string? challenge, params (string Name, string Value)[] overrides)
    {
        var parameters = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "mcp:tools",
            ["resource"] = IssuerProcess.Resource,
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
        return http.GetAsync(new Uri(issuer, "connect/authorize?" + query));
    }

    /// <summary>Exchanges <paramref name="code"/> with <paramref name="verifier"/> for a token for the issuer's resource.</summary>
    public async Task<HttpResponseMessage> ExchangeAsync(string clientId, string code, string verifier)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = RedirectUri,
            ["resource"] = IssuerProcess.Resource,
        });
        return await http.PostAsync(new Uri(issuer, "connect/token"), form);
    }

    /// <summary>The query parameters of the redirect an authorization answer sends the browser to, checking it goes to <see cref="RedirectUri"/>.</summary>
    public static Dictionary<string, string> ReadRedirect(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        return query.AllKeys.OfType<string>().ToDictionary(key => key, key => query[key]!);
    }
}
