using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace McpDemo.Server.Tools;

/// <summary>
/// The <c>requestState</c> of <c>confirm_action</c>: the action the server asked about, encrypted and signed with
/// ASP.NET Core Data Protection and valid for <see cref="Lifetime"/>. The client only carries it back; a state it
/// forged, altered or kept too long does not unprotect. Replicas that share the Data Protection key ring accept each
/// other's states, so the retry may land on any of them.
/// </summary>
public sealed class ConfirmationState(IDataProtectionProvider dataProtection)
{
    /// <summary>How long the user has to answer before the state expires.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // The purpose isolates these states from every other use of the key ring; v1 lets a later format coexist.
    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("McpDemo.Server.Tools.ConfirmAction.v1").ToTimeLimitedDataProtector();

    /// <summary>The opaque state for a question about <paramref name="action"/>.</summary>
    public string Protect(string action) => _protector.Protect(action, Lifetime);

    /// <summary>The action <paramref name="state"/> was issued for, or <see langword="null"/> when it is forged or expired.</summary>
    public string? Unprotect(string state)
    {
        try
        {
            return _protector.Unprotect(state);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
