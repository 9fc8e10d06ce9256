using System.Diagnostics.CodeAnalysis;
using McpDemo.Guards;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// ASP.NET Core's JwtBearer, configured the way an MCP resource server needs it, for the server and the gateway alike:
/// the issuer's keys fetched from its discovery document and cached, issuer, signature, lifetime (small skew) and
/// audience checked, a token found valid remembered until it expires (<see cref="CachingTokenHandler"/>), and every
/// refusal answered with the challenge the MCP authorization spec asks for.
/// </summary>
public static class BearerTokenAuthentication
{
    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// Adds the <see cref="Scheme"/> scheme over the <see cref="OAuthResourceOptions"/> that <paramref name="select"/>
    /// picks out of <typeparamref name="TSettings"/>. A refused request gets 401 (400 for two <c>Authorization</c>
    /// headers, RFC 6750 §3.1) with <c>WWW-Authenticate: Bearer resource_metadata="…", scope="…"</c>, where the scope is
    /// what <paramref name="requiredScopes"/> says the request needs (<see cref="OAuthResourceOptions.RequiredScope"/>
    /// when not given), a JSON-RPC error body, and one warning in the log that says why without the token.
    /// </summary>
    public static AuthenticationBuilder AddMcpBearerTokens<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TSettings>(
        this AuthenticationBuilder builder, Func<TSettings, OAuthResourceOptions> select, Func<HttpRequest, string>? requiredScopes = null)
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJwtBearer(Scheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<TSettings>, ILoggerFactory>((jwt, settings, loggers) =>
            Configure(jwt, select(settings.Value), requiredScopes, loggers.CreateLogger("McpDemo.Guards.BearerTokenAuthentication")));
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, OAuthResourceOptions options, Func<HttpRequest, string>? requiredScopes, ILogger logger)
    {
        var authority = options.Authority ?? throw new InvalidOperationException("No authority is configured.");
        requiredScopes ??= _ => options.RequiredScope;
        jwt.Authority = authority.OriginalString;
        // The startup check allows plain HTTP on loopback only.
        jwt.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
        // Validated tokens are remembered until they expire (at most minutes): the gateway and the replica each see every call.
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(new CachingTokenHandler());
        // Claims keep their JWT names (sub, scope, client_id), which is what the session binding and scope checks read.
        jwt.MapInboundClaims = false;
        // The issuer is the discovery document's; the audience is this resource alone (RFC 8707), not the authority.
        jwt.TokenValidationParameters.AudienceValidator = new TokenAudience(options).IsForThisResource;
        jwt.TokenValidationParameters.ClockSkew = options.ClockSkew;
        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Two credentials: refuse rather than pick one (RFC 6750 §3.1 invalid_request).
                if (HasSeveralCredentials(context.Request))
                {
                    context.Fail("The request carries more than one Authorization header.");
                }
                return Task.CompletedTask;
            },
            OnChallenge = context => ChallengeAsync(context, options.MetadataUriFor(context.Request), requiredScopes(context.Request), logger),
        };
    }

    private static Task ChallengeAsync(JwtBearerChallengeContext context, string metadata, string scope, ILogger logger)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var twoCredentials = HasSeveralCredentials(http.Request);
        var (status, header, reason) = (twoCredentials, context.AuthenticateFailure) switch
        {
            (true, _) => (StatusCodes.Status400BadRequest,
                $"Bearer error=\"invalid_request\", error_description=\"send one Authorization header\", resource_metadata=\"{metadata}\"",
                "two Authorization headers"),
            (false, null) => (StatusCodes.Status401Unauthorized,
                $"Bearer resource_metadata=\"{metadata}\", scope=\"{scope}\"",
                "no bearer token"),
            (false, var failure) => (StatusCodes.Status401Unauthorized,
                $"Bearer error=\"invalid_token\", resource_metadata=\"{metadata}\", scope=\"{scope}\"",
                Describe(failure)),
        };
        RefusalLog.Refused(logger, status, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString(), reason);
        http.Response.Headers[HeaderNames.WWWAuthenticate] = header;
        return JsonRpcRefusal.WriteAsync(http, status, status == StatusCodes.Status400BadRequest
            ? "Bad Request: send one Authorization header."
            : $"Unauthorized: {reason}. Get an access token for this resource (see {metadata}) and send it as 'Authorization: Bearer <token>'.");
    }

    // Two Authorization lines, or one holding both: a proxy may join repeated lines with commas (RFC 9110 §5.3), and no
    // bearer token contains a comma (RFC 6750 §2.1), so a comma means more than one credential.
    private static bool HasSeveralCredentials(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        return authorization.Count > 1 || (authorization.Count == 1 && authorization[0]?.Contains(',', StringComparison.Ordinal) == true);
    }

    // IdentityModel's own messages are long and version-specific; the exception type says which check failed.
    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is for another resource (aud)",
        SecurityTokenInvalidIssuerException => "the token is from another issuer",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature does not verify with the issuer's keys",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => $"the token is not valid ({failure.GetType().Name})",
    };
}
