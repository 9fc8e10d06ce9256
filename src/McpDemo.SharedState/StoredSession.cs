using System.Security.Claims;
using ModelContextProtocol.Protocol;

namespace McpDemo.SharedState;

/// <summary>
/// What a replica needs to adopt a legacy session it has never seen: the client's <c>initialize</c> parameters
/// and the user the session is bound to (written by <see cref="StoredSessionJson"/>).
/// </summary>
/// <param name="InitializeParams">The parameters of the session's <c>initialize</c> request.</param>
/// <param name="Owner">The user who started the session; <see langword="null"/> for an anonymous session.</param>
public sealed record StoredSession(
    InitializeRequestParams InitializeParams,
    SessionOwner? Owner);

/// <summary>
/// The claim a session is bound to, chosen as the MCP SDK chooses it (NameIdentifier, else <c>sub</c>, else UPN, of
/// an authenticated user), so a session adopted on another replica is bound exactly as it was on its first one.
/// </summary>
/// <param name="Type">The claim type.</param>
/// <param name="Value">The claim value.</param>
/// <param name="Issuer">The claim issuer.</param>
public sealed record SessionOwner(
    string Type,
    string Value,
    string Issuer)
{
    /// <summary>The owner <paramref name="user"/> would give a new session, or <see langword="null"/> if anonymous.</summary>
    public static SessionOwner? Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var claim = user.FindFirst(ClaimTypes.NameIdentifier) ?? user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.Upn);
        return claim is null ? null : new SessionOwner(claim.Type, claim.Value, claim.Issuer);
    }
}
