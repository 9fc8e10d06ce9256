using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace McpDemo.Guards;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against <see cref="ApiKeyAuthenticationOptions.Keys"/>.
/// The key's identity is a NameIdentifier claim holding a fingerprint of the key (never the key), so the MCP SDK
/// binds a legacy session to the key that created it and refuses it (403) to any other key. Keys are compared as
/// SHA-256 digests in constant time, against every key, so timing reveals neither a key nor which one matched.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(authorization[BearerPrefix.Length..].Trim()), presented);
        byte[]? match = null;
        foreach (var digest in Options.KeyDigests)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, digest))
            {
                match = digest;
            }
        }
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var keyId = ApiKeyAuthenticationDefaults.IdentityPrefix + Convert.ToHexStringLower(match, 0, 8);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, keyId)], Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750: say which scheme is expected, and whether the presented token was the problem.
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers[HeaderNames.WWWAuthenticate] = result.Failure is null
            ? "Bearer realm=\"mcp\""
            : "Bearer realm=\"mcp\", error=\"invalid_token\"";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
