namespace McpDemo.Guards;

/// <summary>
/// What makes a service an OAuth 2.1 resource server: the issuer whose tokens it accepts and the resource they must
/// be for. Bound from <c>Mcp:Auth</c> on the server and <c>Gateway:Auth</c> on the gateway; setting
/// <see cref="Authority"/> (with <see cref="Resource"/>) turns token validation on.
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
    public Uri? Resource { get; set; }

    /// <summary>How far a token's lifetime may be off the local clock and still pass. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether tokens are validated.</summary>
    public bool IsEnabled => Authority is not null;

    /// <summary>
    /// The RFC 9728 metadata document of <see cref="Resource"/>: the well-known segment goes between the host and the
    /// resource's path (<c>https://host/.well-known/oauth-protected-resource/mcp</c>).
    /// </summary>
    public string MetadataUri => Resource is { } resource
        ? resource.GetLeftPart(UriPartial.Authority) + WellKnownMetadataPath + resource.AbsolutePath.TrimEnd('/')
        : throw new InvalidOperationException("No resource is configured.");

    /// <summary>The path under which RFC 9728 metadata documents are served.</summary>
    public const string WellKnownMetadataPath = "/.well-known/oauth-protected-resource";

    /// <summary>What is wrong with these settings, each naming its key under <paramref name="section"/>; empty when they can work.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (Authority is null != Resource is null)
        {
            yield return $"{section}:Authority and {section}:Resource go together: set both to validate tokens, or neither.";
            yield break;
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
