using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpDemo.Identity;

/// <summary>
/// The token endpoint's passthrough: OpenIddict has authenticated the client and validated the grant, scopes and
/// resources before this runs; this decides who the token is about.
/// </summary>
internal static class TokenEndpoint
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/connect/token";

    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is null)
        {
            return OAuthResults.Refuse(Errors.InvalidRequest, "The request is not an OAuth token request.");
        }
        if (request.IsClientCredentialsGrantType())
        {
            // A machine acts as itself: the client is the subject.
            return OAuthResults.Issue(TokenPrincipal.Create(request.ClientId!, request));
        }
        if (request.IsAuthorizationCodeGrantType())
        {
            // The code carries the principal the authorize endpoint signed in, with its scopes and resources.
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return code.Principal is { } principal
                ? OAuthResults.Issue(principal)
                : OAuthResults.Refuse(Errors.InvalidGrant, "The authorization code is no longer valid.");
        }
        // OpenIddict refuses grant types it was not told to allow before this runs; this keeps a 4xx if that changes.
        return OAuthResults.Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}
