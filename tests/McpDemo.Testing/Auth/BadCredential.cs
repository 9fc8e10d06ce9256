using System.Net;

namespace McpDemo.Testing;

/// <summary>
/// One of the credentials a resource server must refuse (issue 17, item 6), with what it must answer: the Authorization
/// header values to send, the status, the <c>error</c> of the challenge (none for a missing token), and the reason the
/// one warning in the log gives.
/// </summary>
/// <param name="Name">The case, as the tests name it.</param>
/// <param name="Authorizations">The Authorization header values, one header each.</param>
/// <param name="Status">The status it gets.</param>
/// <param name="Error">The <c>error</c> parameter of <c>WWW-Authenticate</c>, or <see langword="null"/> for none.</param>
/// <param name="LogReason">What the warning says.</param>
/// <param name="Secret">Text that must never appear in the log (the token), or <see langword="null"/>.</param>
public sealed record BadCredential(string Name, string[] Authorizations, HttpStatusCode Status, string? Error, string LogReason, string? Secret)
{
    /// <summary>The names of every case, for a theory's data.</summary>
    public static readonly string[] Names =
        ["missing", "malformed", "alg-none", "another-key", "another-issuer", "another-audience", "expired", "two-headers"];

    /// <summary>Builds the case <paramref name="name"/> against <paramref name="topology"/>: tokens from its issuer, or minted to look like them.</summary>
    public static async Task<BadCredential> CreateAsync(string name, OAuthTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var issuer = topology.Issuer.Issuer.AbsoluteUri;
        var resource = topology.Resource.AbsoluteUri;
        var key = await topology.Issuer.ReadSigningKeyAsync();
        return name switch
        {
            "missing" => new(name, [], HttpStatusCode.Unauthorized, null, "no bearer token", null),
            "malformed" => Invalid(name, $"malformed-{Guid.NewGuid():N}", "the token is malformed"),
            "alg-none" => Invalid(name, TestTokens.Unsigned(issuer, resource), "signature"),
            "another-key" => Invalid(name, TestTokens.Sign(TestTokens.ForeignKey(key.KeyId), issuer, resource), "signature"),
            "another-issuer" => Invalid(name, TestTokens.Sign(key, "https://issuer.example.com/", resource), "another issuer"),
            "another-audience" => Invalid(name,
                await topology.Issuer.GetTokenAsync(IdentityProcess.FullClient, IdentityProcess.AllScopes, topology.OtherResource), "another resource"),
            // Signed by the issuer's own key, its lifetime over well beyond the clock skew the servers allow.
            "expired" => Invalid(name, TestTokens.Sign(key, issuer, resource,
                notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)), "expired"),
            "two-headers" => await TwoHeadersAsync(topology),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such case."),
        };
    }

    private static BadCredential Invalid(string name, string token, string reason) =>
        new(name, [$"Bearer {token}"], HttpStatusCode.Unauthorized, "invalid_token", reason, Signature(token));

    private static async Task<BadCredential> TwoHeadersAsync(OAuthTopology topology)
    {
        var token = await topology.GetTokenAsync();
        return new("two-headers", [$"Bearer {token}", $"Bearer {token}"], HttpStatusCode.BadRequest, "invalid_request",
            "two Authorization headers", Signature(token));
    }

    // The part of a token that is its own: a JWT's signature (its header may repeat in other tokens), or all of it.
    private static string Signature(string token) => token.Split('.') is [_, _, { Length: > 0 } signature] ? signature : token;
}
