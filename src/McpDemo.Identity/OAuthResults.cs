using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace McpDemo.Identity;

/// <summary>The two answers a passthrough endpoint hands back to OpenIddict, which writes them in OAuth's format.</summary>
internal static class OAuthResults
{
    private static readonly string[] Scheme = [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme];

    /// <summary>Issues the token (or code) for <paramref name="principal"/>.</summary>
    public static IResult Issue(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>Refuses the request with an OAuth error (a JSON body, or a redirect with the error for authorize requests).</summary>
    public static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            Scheme);
}
