using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpDemo.Client.Failures;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;

namespace McpDemo.Client.Authorization;

/// <summary>
/// Finds where to get a token for an MCP endpoint, as the MCP authorization spec has a client do it: the protected-resource
/// metadata (RFC 9728) the challenge names, or the well-known one for the endpoint's path; the first authorization server
/// it lists; and that server's metadata (RFC 8414, else OpenID Connect discovery), which names its token endpoint.
/// </summary>
internal static class ProtectedResourceDiscovery
{
    /// <summary>
    /// What was found: the resource tokens are for, the scopes it offers, the issuer, its token endpoint and whether that
    /// takes the client secret in the form (<c>client_secret_post</c>).
    /// </summary>
    public sealed record Result(string Resource, IReadOnlyList<string> ScopesSupported, Uri Issuer, Uri TokenEndpoint, bool TakesSecretInForm);

    public static async Task<Result> DiscoverAsync(HttpClient http, Uri endpoint, BearerChallenge challenge, CancellationToken cancellationToken)
    {
        // RFC 9728 §3.1: the well-known suffix goes between the host and the resource's path.
        var metadataUrl = challenge.ResourceMetadata
            ?? new Uri(endpoint, "/.well-known/oauth-protected-resource" + endpoint.AbsolutePath.TrimEnd('/'));
        var resource = await GetResourceMetadataAsync(http, metadataUrl, cancellationToken)
            ?? throw Refused($"{metadataUrl} holds no protected-resource metadata (RFC 9728)");
        // The metadata must be about the endpoint asked (RFC 9728 §3.3), or a server could send our token elsewhere.
        var resourceName = resource.Resource ?? endpoint.AbsoluteUri;
        if (!SameResource(resourceName, endpoint))
        {
            throw Refused($"the metadata at {metadataUrl} is for {resourceName}, not {endpoint}");
        }
        var issuer = resource.AuthorizationServers?.FirstOrDefault() is { } named && Uri.TryCreate(named, UriKind.Absolute, out var issuerUrl)
            ? issuerUrl
            : throw Refused($"the metadata at {metadataUrl} names no authorization server");
        foreach (var candidate in ServerMetadataUrls(issuer))
        {
            using var server = await GetJsonAsync(http, candidate, cancellationToken);
            if (server?.RootElement.TryGetProperty("token_endpoint", out var tokenEndpoint) == true
                && Uri.TryCreate(tokenEndpoint.GetString(), UriKind.Absolute, out var tokenUrl))
            {
                var takesSecretInForm = server.RootElement.TryGetProperty("token_endpoint_auth_methods_supported", out var methods)
                    && methods.ValueKind == JsonValueKind.Array
                    && methods.EnumerateArray().Any(method => method.GetString() == "client_secret_post");
                return new Result(resourceName, [.. resource.ScopesSupported ?? []], issuer, tokenUrl, takesSecretInForm);
            }
        }
        throw Refused($"the authorization server {issuer} publishes no metadata with a token endpoint");
    }

    /// <summary>RFC 8414 §3.1 and OpenID Connect discovery, in the order the MCP spec has clients try them.</summary>
    private static IEnumerable<Uri> ServerMetadataUrls(Uri issuer)
    {
        var path = issuer.AbsolutePath.TrimEnd('/');
        yield return new Uri(issuer, "/.well-known/oauth-authorization-server" + path);
        yield return new Uri(issuer, "/.well-known/openid-configuration" + path);
        if (path.Length > 0)
        {
            yield return new Uri(issuer, path + "/.well-known/openid-configuration");
        }
    }

    // Exact, or with a trailing slash either way: the one difference servers commonly write.
    private static bool SameResource(string resource, Uri endpoint) =>
        string.Equals(resource.TrimEnd('/'), endpoint.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static async Task<ProtectedResourceMetadata?> GetResourceMetadataAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync(
                (JsonTypeInfo<ProtectedResourceMetadata>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProtectedResourceMetadata)), cancellationToken)
            : null;
    }

    // The SDK's type for authorization server metadata is internal; the two members read here are plain JSON.
    private static async Task<JsonDocument?> GetJsonAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) : null;
    }

    private static ClientFailure Refused(string problem) =>
        new(ExitCodes.HttpError, $"Cannot get a token: {problem}. Check that the endpoint is an MCP server with OAuth on, or use --api-key.");
}
