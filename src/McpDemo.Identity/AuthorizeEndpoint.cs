using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpDemo.Identity;

/// <summary>
/// The authorize endpoint's passthrough. This issuer has no login page: it signs the development user in without a
/// prompt, or answers <c>login_required</c> when that is off. OpenIddict has already checked the client, its redirect
/// URI, PKCE (S256), the scopes and the resources.
/// </summary>
internal static class AuthorizeEndpoint
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/connect/authorize";

    public static IResult Handle(HttpContext context, DevelopmentUser user)
    {
        // Errors that cannot go back to a redirect URI (an unknown client, a redirect URI it did not register, a missing
        // or 'plain' PKCE challenge) reach this through error passthrough, to be answered as JSON, not OpenIddict's text.
        if (context.GetOpenIddictServerResponse() is { Error: { } error } refusal)
        {
            return OAuthResults.Error(error, refusal.ErrorDescription);
        }
        var request = context.GetOpenIddictServerRequest();
        if (request is null)
        {
            return OAuthResults.Refuse(Errors.InvalidRequest, "The request is not an OAuth authorization request.");
        }
        if (!user.Enabled)
        {
            return OAuthResults.Refuse(
                Errors.LoginRequired,
                "This issuer has no login page and its development user is off (Identity:DevelopmentUser:Enabled=false).");
        }
        return OAuthResults.Issue(TokenPrincipal.Create(user.Subject, request));
    }
}
