using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpDemo.Identity;

/// <summary>The OpenIddict permissions both kinds of client share: the scopes they may ask for and the resources.</summary>
internal static class ClientPermissions
{
    /// <summary><c>scp:</c> permissions for <paramref name="scopes"/>, and <c>rsrc:</c> ones for every configured resource.</summary>
    public static IEnumerable<string> For(IEnumerable<string> scopes, IssuerOptions options) =>
        scopes.Select(scope => Permissions.Prefixes.Scope + scope)
            .Concat(options.Resources.Select(resource => Permissions.Prefixes.Resource + resource));
}
