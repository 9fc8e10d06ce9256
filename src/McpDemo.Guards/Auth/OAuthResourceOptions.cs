using Microsoft.AspNetCore.Http;

namespace McpDemo.Guards;

/// <summary>
/// What makes a service an OAuth 2.1 resource server: the issuer whose tokens it accepts and the resource they must
/// be for. Bound from <c>Mcp:Auth</c> on the server and <c>Gateway:Auth</c> on the gateway; setting
/// <see cref="Authority"/> (with <see cref="Resource"/>, <see cref="AllowedClients"/> or both) turns token validation on.
/// </summary>
public class OAuthResourceOptions
{
    /// <summary>
    /// The issuer URL, e.g. <c>https://login.example.com/</c>; its discovery document
    /// (<c>/.well-known/openid-configuration</c>) names the signing keys and the <c>iss</c> tokens must carry.
    /// Plain HTTP is accepted only on loopback.
    /// </summary>
    public Uri? Authority { get; set; }

    /// <summary>
    /// The public URI of the MCP endpoint as clients see it (the gateway's or load balancer's <c>/mcp</c>, never a
    /// replica's own address): tokens must name it in <c>aud</c> (RFC 8707), and the metadata document names it.
    /// </summary>
    /// <remarks>
    /// Optional only when <see cref="AllowedClients"/> is set. The audience check is what stops a token for another
    /// resource being replayed here, so it must come from configuration: taken from the request's <c>Host</c>, it would be
    /// whatever the caller sends. With <see cref="AllowedClients"/>, a token without <c>aud</c> is bound to this
    /// deployment by its <c>client_id</c> instead, so the resource is no longer a security input; the metadata document
    /// then names the request's own <c>/mcp</c> URL, which only tells a client where it is already talking (a Lambda
    /// Function URL, for one, is not known before the deployment that creates it).
    /// </remarks>
    public Uri? Resource { get; set; }

    /// <summary>
    /// The OAuth clients whose tokens without <c>aud</c> are accepted, by <c>client_id</c>: Cognito's access tokens carry
    /// the app client's id and no audience (unless resource indicators are used). A token with <c>aud</c> must still name
    /// <see cref="Resource"/>. Empty (the default): every token must name <see cref="Resource"/>.
    /// </summary>
    public List<string> AllowedClients { get; set; } = [];

    /// <summary>
    /// The scope every MCP request needs, named in every challenge and in the metadata document. Default
    /// <see cref="McpAuthOptions.ToolsScope"/>; Cognito prefixes a resource server's scopes with its identifier
    /// (<c>mcpdemo/mcp:tools</c>).
    /// </summary>
    public string RequiredScope { get; set; } = McpAuthOptions.ToolsScope;

    /// <summary>How far a token's lifetime may be off the local clock and still pass. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether tokens are validated.</summary>
    public bool IsEnabled => Authority is not null;

    /// <summary>The resource <paramref name="request"/> reached: <see cref="Resource"/>, else the request's own <c>/mcp</c> URL (see there).</summary>
    public string ResourceFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Resource?.OriginalString ?? $"{request.Scheme}://{request.Host}{request.PathBase}{McpPath}";
    }

    /// <summary>
    /// The RFC 9728 metadata document of the resource <paramref name="request"/> reached: the well-known segment goes
    /// between the host and the resource's path (<c>https://host/.well-known/oauth-protected-resource/mcp</c>).
    /// </summary>
    public string MetadataUriFor(HttpRequest request)
    {
        var resource = new Uri(ResourceFor(request));
        return resource.GetLeftPart(UriPartial.Authority) + WellKnownMetadataPath + resource.AbsolutePath.TrimEnd('/');
    }

    /// <summary>The path under which RFC 9728 metadata documents are served.</summary>
    public const string WellKnownMetadataPath = "/.well-known/oauth-protected-resource";

    private const string McpPath = "/mcp";

    /// <summary>What is wrong with these settings, each naming its key under <paramref name="section"/>; empty when they can work.</summary>
    public IEnumerable<string> Problems(string section)
    {
        var audienceBound = Resource is not null || AllowedClients.Count > 0;
        if (Authority is null == audienceBound)
        {
            yield return Authority is null
                ? $"{section}:Resource and {section}:AllowedClients need {section}:Authority, the issuer of the tokens they check."
                : $"{section}:Authority needs {section}:Resource (the URL tokens name in aud), {section}:AllowedClients (the client_id of tokens without aud, as Cognito issues them), or both.";
            yield break;
        }
        if (AllowedClients.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{section}:AllowedClients holds an empty client id.";
        }
        if (string.IsNullOrWhiteSpace(RequiredScope) || RequiredScope.Contains(' ', StringComparison.Ordinal))
        {
            yield return $"{section}:RequiredScope must be one scope, such as {McpAuthOptions.ToolsScope}, but was '{RequiredScope}'.";
        }
        if (Authority is { } authority)
        {
            if (!IsHttpUrl(authority))
            {
                yield return $"{section}:Authority must be an absolute https URL, such as https://login.example.com/, but was '{authority}'.";
            }
            else if (authority.Scheme == Uri.UriSchemeHttp && !authority.IsLoopback)
            {
                // Keys fetched over plain HTTP can be swapped by anyone on the path, and with them every token forged.
                yield return $"{section}:Authority '{authority}' is plain HTTP on a non-loopback host; use https (plain HTTP is accepted on loopback only).";
            }
        }
        if (Resource is { } resource && (!IsHttpUrl(resource) || resource.Fragment.Length > 0))
        {
            yield return $"{section}:Resource must be the absolute URL clients use for the MCP endpoint, such as https://mcp.example.com/mcp, but was '{resource}'.";
        }
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            yield return $"{section}:ClockSkew must be between 00:00:00 and 00:05:00, but was {ClockSkew}.";
        }
    }

    private static bool IsHttpUrl(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
