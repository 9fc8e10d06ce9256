using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using McpDemo.Client.Failures;

namespace McpDemo.Client.Authorization;

/// <summary>
/// Access tokens for one machine client (OAuth client credentials), found and fetched the way the MCP authorization spec
/// has a client do it, starting from the server's challenge, and kept until shortly before they expire. One source serves
/// every connection of a run, so a bench with many connections asks the issuer once; it lives as long as the process.
/// </summary>
/// <param name="clientId">The client id.</param>
/// <param name="clientSecret">The client secret; sent only to the issuer's token endpoint, never printed.</param>
/// <param name="show">Told each step of the flow in one line (never a token or the secret), or null to stay quiet.</param>
internal sealed class ClientCredentialsTokenSource(string clientId, string clientSecret, Action<string>? show)
{
    // A token this close to its expiry is fetched anew rather than sent, so it cannot expire on the way.
    private static readonly TimeSpan s_expiryMargin = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly HttpClient _issuer = new();
    private readonly HashSet<string> _scopes = new(StringComparer.Ordinal);
    private ProtectedResourceDiscovery.Result? _discovered;
    private (string Value, DateTimeOffset RenewAt)? _token;

    /// <summary>The client id.</summary>
    public string ClientId => clientId;

    /// <summary>The token to send now, or null when there is none yet or it is about to expire.</summary>
    public string? Current => _token is { } token && DateTimeOffset.UtcNow < token.RenewAt ? token.Value : null;

    /// <summary>
    /// Gets a token that answers <paramref name="challenge"/>, which <paramref name="endpoint"/> sent to a request that
    /// carried <paramref name="refused"/> (null for none): discovers the issuer on the first challenge, and asks for the
    /// challenge's scope on top of those already asked for (step-up). Null when a new token cannot change the answer.
    /// </summary>
    public async Task<string?> AnswerAsync(BearerChallenge challenge, Uri endpoint, string? refused, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            // Another connection may have fetched a token while this one waited.
            if (Current is { } fresh && fresh != refused)
            {
                return fresh;
            }
            if (_discovered is null)
            {
                show?.Invoke($"Authorization: {endpoint} answered 401; its protected-resource metadata is at {challenge.ResourceMetadata?.AbsoluteUri ?? "the well-known address"}");
                _discovered = await ProtectedResourceDiscovery.DiscoverAsync(_issuer, endpoint, challenge, cancellationToken);
                show?.Invoke($"  resource {_discovered.Resource}, scopes offered {Join(_discovered.ScopesSupported)}");
                show?.Invoke($"  issuer {_discovered.Issuer}, token endpoint {_discovered.TokenEndpoint}");
            }
            var before = _scopes.Count;
            _scopes.UnionWith(Split(challenge.Scope is { Length: > 0 } scope ? scope : string.Join(' ', _discovered.ScopesSupported)));
            if (challenge.Error == "insufficient_scope" && _scopes.Count == before)
            {
                // Every scope asked for is held already: a new token for the same scopes would be refused too. (A 401 is
                // answered with a new token, once per request: the old one may have expired or lost its signing key.)
                return null;
            }
            return await FetchAsync(_discovered, cancellationToken);
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<string> FetchAsync(ProtectedResourceDiscovery.Result discovered, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = string.Join(' ', _scopes),
            // RFC 8707: the token is for this MCP endpoint only, so its aud is this resource and no other server takes it.
            ["resource"] = discovered.Resource,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, discovered.TokenEndpoint);
        if (discovered.TakesSecretInForm)
        {
            form["client_id"] = clientId;
            form["client_secret"] = clientSecret;
        }
        else
        {
            // client_secret_basic, which every issuer must accept (RFC 6749 §2.3.1): form-encoded, then base64.
            var pair = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        request.Content = new FormUrlEncodedContent(form);
        using var response = await _issuer.SendAsync(request, cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var answer = body.RootElement;
        if (!response.IsSuccessStatusCode || !answer.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } token)
        {
            var error = answer.TryGetProperty("error", out var e) ? e.GetString() : $"HTTP {(int)response.StatusCode}";
            var description = answer.TryGetProperty("error_description", out var d) ? $" ({d.GetString()})" : "";
            throw new ClientFailure(
                ExitCodes.HttpError,
                $"The issuer {discovered.Issuer} refused client '{clientId}': {error}{description}. Check MCP_CLIENT_ID and MCP_CLIENT_SECRET (or --client-id and --client-secret).");
        }
        var lifetime = TimeSpan.FromSeconds(answer.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) ? seconds : 300);
        var granted = answer.TryGetProperty("scope", out var scope) ? scope.GetString() : null;
        var now = DateTimeOffset.UtcNow;
        _token = (token, now + lifetime - s_expiryMargin);
        show?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"  token for client {clientId}: scopes {granted ?? Join(_scopes)}, expires in {lifetime.TotalSeconds:0} s (at {now + lifetime:HH:mm:ss} UTC)"));
        return token;
    }

    private static string[] Split(string scopes) => scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Join(IEnumerable<string> scopes) => scopes.Any() ? string.Join(' ', scopes) : "(none)";
}
