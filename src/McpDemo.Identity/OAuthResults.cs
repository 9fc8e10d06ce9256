using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace McpDemo.Identity;

/// <summary>The issuer's answers: tokens and refusals handed to OpenIddict, and OAuth error JSON written directly.</summary>
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

    /// <summary>An OAuth error as a JSON body, for answers OpenIddict does not write itself.</summary>
    public static IResult Error(string error, string? description, int statusCode = StatusCodes.Status400BadRequest) =>
        Results.Json(new OAuthError(error, description), IssuerJsonContext.Default.OAuthError, statusCode: statusCode);
}
