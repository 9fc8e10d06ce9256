namespace McpDemo.Identity;

/// <summary>Configuration the issuer refuses to start with, each reported as one line saying what to change.</summary>
internal static class IssuerStartupCheck
{
    /// <summary>The first problem with the configuration, or null when the issuer can start.</summary>
    public static string? FindProblem(IssuerOptions options, IssuerBinding binding)
    {
        if (binding.PlainHttpOffLoopback is { } exposed)
        {
            return $"Identity refuses to serve plain HTTP on {exposed}: an issuer off loopback needs https.";
        }
        if (options.Clients.FirstOrDefault(client => string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrEmpty(client.ClientSecret)) is { } incomplete)
        {
            return $"Identity:Clients needs a ClientId and a ClientSecret for every client ('{incomplete.ClientId}' is incomplete).";
        }
        if (options.Clients.SelectMany(client => client.Scopes).FirstOrDefault(scope => !McpScopes.All.Contains(scope)) is { } scope)
        {
            return $"Identity:Clients asks for scope '{scope}', which is not registered; the scopes are: {string.Join(' ', McpScopes.All)}.";
        }
        if (options.Resources.FirstOrDefault(resource => !Uri.TryCreate(resource, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment)) is { } resource)
        {
            return $"Identity:Resources has '{resource}', which is not an absolute URI without a fragment (RFC 8707).";
        }
        if (options.Resources.Count == 0 && !binding.IsLoopbackOnly)
        {
            return "Identity:Resources is empty: an issuer off loopback must name the resources it issues tokens for.";
        }
        return null;
    }
}
