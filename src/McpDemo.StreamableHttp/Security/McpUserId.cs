using System.Security.Claims;

namespace McpDemo.StreamableHttp.Security;

/// <summary>The stable identity of an authenticated user, used to bind a stateful session to the user who created it.</summary>
internal static class McpUserId
{
    /// <summary>
    /// The user's id claim (name identifier, then <c>sub</c>, then UPN) with its issuer, or null for anonymous users.
    /// The issuer is part of the id so equal subject values from two issuers are two users.
    /// </summary>
    public static string? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var claim = user.FindFirst(ClaimTypes.NameIdentifier) ?? user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.Upn);
        return claim is null ? null : $"{claim.Issuer}|{claim.Type}|{claim.Value}";
    }
}
