using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Guards;

/// <summary>
/// JwtBearer's <see cref="JsonWebTokenHandler"/> with a small cache of tokens it has already found valid. A call through
/// the gateway is validated twice (edge and replica), and a client sends one token for many calls, so the RSA signature
/// check dominated OAuth's cost per call. An entry is keyed by the token's SHA-256, so only the very same token hits it,
/// and it lives until the token's <c>exp</c> or <see cref="MaxAge"/>, whichever is first, so an expired token is always
/// validated afresh (and refused). Refusals are never cached: each still gets its full reason.
/// </summary>
internal sealed class CachingTokenHandler : JsonWebTokenHandler
{
    /// <summary>How long a valid token is trusted without checking its signature again (signing keys rotate slower).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How many tokens are remembered; past that, expired entries go, and if none had, all do.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _valid = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(token);
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var now = DateTime.UtcNow;
        if (_valid.TryGetValue(key, out var cached))
        {
            if (now < cached.Until)
            {
                return cached.Answer();
            }
            _valid.TryRemove(key, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            Remember(key, new Entry(result, Min(validated.ValidTo, now + MaxAge)), now);
        }
        return result;
    }

    private void Remember(string key, Entry entry, DateTime now)
    {
        if (_valid.Count >= Capacity)
        {
            foreach (var stale in _valid.Where(pair => pair.Value.Until <= now))
            {
                _valid.TryRemove(stale.Key, out _);
            }
            if (_valid.Count >= Capacity)
            {
                _valid.Clear();
            }
        }
        _valid[key] = entry;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Entry(TokenValidationResult Result, DateTime Until)
    {
        // Each request gets its own identity: claims transformation or a handler may add to it.
        public TokenValidationResult Answer() => new()
        {
            IsValid = true,
            SecurityToken = Result.SecurityToken,
            ClaimsIdentity = Result.ClaimsIdentity.Clone(),
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}
