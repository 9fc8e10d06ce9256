using System.Security.Claims;

namespace McpDemo.Guards;

/// <summary>The scopes a validated access token grants: its space-delimited <c>scope</c> claim (<c>scp</c> for Entra ID).</summary>
public static class TokenScopes
{
    /// <summary>Whether <paramref name="user"/>'s token grants every scope of the space-delimited <paramref name="required"/>.</summary>
    public static bool Grant(ClaimsPrincipal user, string required)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(required);
        var needed = required.AsSpan();
        foreach (var range in needed.Split(' '))
        {
            if (!Grants(user, needed[range]))
            {
                return false;
            }
        }
        return true;
    }

    // Runs on every request: span splits, no allocation.
    private static bool Grants(ClaimsPrincipal user, ReadOnlySpan<char> scope)
    {
        if (scope.IsEmpty)
        {
            return true;
        }
        foreach (var claim in user.Claims)
        {
            if (claim.Type is not ("scope" or "scp"))
            {
                continue;
            }
            var granted = claim.Value.AsSpan();
            foreach (var range in granted.Split(' '))
            {
                if (granted[range].SequenceEqual(scope))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
