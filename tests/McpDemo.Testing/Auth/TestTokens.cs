using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Testing;

/// <summary>Access tokens a resource server must refuse, minted by the test: each breaks one rule and keeps the rest.</summary>
public static class TestTokens
{
    /// <summary>
    /// A JWT access token signed with <paramref name="key"/> (RS256), for <paramref name="audience"/>, from
    /// <paramref name="issuer"/>, valid from <paramref name="notBefore"/> to <paramref name="expires"/> (now to an hour
    /// from now unless given). A null <paramref name="audience"/> leaves <c>aud</c> out, as Cognito's access tokens do;
    /// <c>client_id</c> is always <paramref name="subject"/>.
    /// </summary>
    public static string Sign(SecurityKey key, string issuer, string? audience, string subject = "minted-client", string scope = "mcp:tools mcp:confirm",
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var from = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = from,
            NotBefore = from,
            Expires = expires ?? from.AddHours(1),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["client_id"] = subject, ["scope"] = scope },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A fresh RSA key nobody publishes, carrying <paramref name="keyId"/> (say, the real key's, to look like it).</summary>
    public static RsaSecurityKey ForeignKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string issuer, string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "at+jwt" };
        var payload = new JsonObject
        {
            ["iss"] = issuer, ["aud"] = audience, ["sub"] = "minted-client", ["scope"] = "mcp:tools mcp:confirm",
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
        };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    private static string Encode(JsonObject part) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(part.ToJsonString()));
}
