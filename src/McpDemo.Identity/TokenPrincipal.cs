using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpDemo.Identity;

/// <summary>The identity an access token describes: its subject, and the scopes and resources the request asked for.</summary>
internal static class TokenPrincipal
{
    /// <summary>
    /// A principal for <paramref name="subject"/> with the request's scopes and resources. OpenIddict has already
    /// checked both against what is registered and what the client is permitted; setting the resources is what gives
    /// the token its <c>aud</c>. OpenIddict adds <c>client_id</c> itself.
    /// </summary>
    public static ClaimsPrincipal Create(string subject, OpenIddictRequest request)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(request.GetResources());
        // Only access tokens are issued; nothing is copied into identity tokens.
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
