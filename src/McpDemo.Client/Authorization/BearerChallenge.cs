using System.Net;
using System.Text.RegularExpressions;

namespace McpDemo.Client.Authorization;

/// <summary>
/// What a resource server's <c>WWW-Authenticate: Bearer</c> challenge asks for (RFC 6750, RFC 9728): where its
/// protected-resource metadata is, the scope the request needs, and the error when a token was refused.
/// </summary>
/// <param name="ResourceMetadata">The <c>resource_metadata</c> URL, when the server names one.</param>
/// <param name="Scope">The space-delimited <c>scope</c> the request needs, when the server says.</param>
/// <param name="Error">The <c>error</c>, e.g. <c>invalid_token</c> or <c>insufficient_scope</c>.</param>
internal sealed partial record BearerChallenge(Uri? ResourceMetadata, string? Scope, string? Error)
{
    /// <summary>
    /// The challenge of a 401, or of a 403 with <c>insufficient_scope</c> (step-up: a token with more scope may pass);
    /// null for any other answer, which a new token would not change.
    /// </summary>
    public static BearerChallenge? Of(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            return null;
        }
        var bearer = response.Headers.WwwAuthenticate.FirstOrDefault(h => string.Equals(h.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase));
        var parameters = (bearer?.Parameter is { } text ? Parameter().Matches(text) : null)?
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.OrdinalIgnoreCase)
            ?? [];
        var challenge = new BearerChallenge(
            parameters.TryGetValue("resource_metadata", out var metadata) && Uri.TryCreate(metadata, UriKind.Absolute, out var uri) ? uri : null,
            parameters.GetValueOrDefault("scope"),
            parameters.GetValueOrDefault("error"));
        return response.StatusCode == HttpStatusCode.Unauthorized || challenge.Error == "insufficient_scope" ? challenge : null;
    }

    // auth-param = token "=" ( token / quoted-string ), as RFC 9110 §11.2 writes it.
    [GeneratedRegex("""(?<name>[A-Za-z0-9_\-]+)\s*=\s*(?:"(?<value>[^"]*)"|(?<value>[^\s,]+))""")]
    private static partial Regex Parameter();
}
