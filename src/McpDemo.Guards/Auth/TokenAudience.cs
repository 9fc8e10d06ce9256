using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Guards;

/// <summary>
/// Whether a token is for this resource: its <c>aud</c> names <see cref="OAuthResourceOptions.Resource"/> (RFC 8707), or
/// it has no <c>aud</c> and its <c>client_id</c> is one of <see cref="OAuthResourceOptions.AllowedClients"/> (the shape of
/// Cognito's access tokens). A token with an <c>aud</c> for anything else is refused even from an allowed client.
/// </summary>
internal sealed class TokenAudience(OAuthResourceOptions options)
{
    private readonly string? _resource = options.Resource?.OriginalString;
    private readonly HashSet<string> _clients = new(options.AllowedClients, StringComparer.Ordinal);

    /// <summary>An <see cref="AudienceValidator"/>: false makes JwtBearer refuse the token as for another resource.</summary>
    public bool IsForThisResource(IEnumerable<string> audiences, SecurityToken token, TokenValidationParameters parameters)
    {
        var named = audiences.ToList();
        if (named.Count > 0)
        {
            return _resource is not null && named.Contains(_resource, StringComparer.Ordinal);
        }
        return _clients.Count > 0 && token is JsonWebToken jwt
            && jwt.TryGetPayloadValue<string>("client_id", out var client) && _clients.Contains(client);
    }
}
