using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace McpDemo.StreamableHttp.Security;

/// <summary>
/// Optional bearer-token check against <see cref="McpHttpOptions.ApiKeys"/>. Keys are kept only as SHA-256 digests
/// and compared in constant time, and every key is compared, so timing reveals neither a key nor which one matched.
/// An accepted request's user becomes the key's identity (a fingerprint of the key, never the key), which binds
/// stateful sessions to the key that created them.
/// </summary>
internal sealed class ApiKeyAuthenticator
{
    public const string AuthenticationType = "McpApiKey";
    private const string BearerPrefix = "Bearer ";

    private readonly byte[][] _keyDigests;
    private readonly ClaimsPrincipal[] _principals;

    public ApiKeyAuthenticator(IOptions<McpHttpOptions> options)
    {
        var keys = options.Value.ApiKeys;
        _keyDigests = [.. keys.Select(key => SHA256.HashData(Encoding.UTF8.GetBytes(key)))];
        _principals = [.. _keyDigests.Select(CreatePrincipal)];
    }

    public bool IsEnabled => _keyDigests.Length > 0;

    /// <summary>Returns the identity of the presented key, or null when the key is missing or wrong.</summary>
    public ClaimsPrincipal? Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Span<byte> presentedDigest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(authorization[BearerPrefix.Length..].Trim()), presentedDigest);

        var match = -1;
        for (var i = 0; i < _keyDigests.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedDigest, _keyDigests[i]))
            {
                match = i;
            }
        }

        return match < 0 ? null : _principals[match];
    }

    private static ClaimsPrincipal CreatePrincipal(byte[] keyDigest)
    {
        // Eight bytes of the digest name the key in logs and session bindings without revealing it.
        var keyId = "apikey-" + Convert.ToHexStringLower(keyDigest, 0, 8);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, keyId)], AuthenticationType));
    }
}
