using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpDemo.Identity;

/// <summary>
/// Dynamic client registration (RFC 7591), which OpenIddict does not provide: MCP clients register themselves as
/// public clients that use the authorization code with PKCE, for redirect URIs on https or on loopback http (RFC 8252).
/// </summary>
internal static class RegistrationEndpoint
{
    /// <summary>The endpoint's path, advertised as <c>registration_endpoint</c> in discovery.</summary>
    public const string Path = "/register";

    // Client metadata is a few hundred bytes; anything near this is not a registration.
    private const int MaxBodyBytes = 16 * 1024;
    private const string InvalidClientMetadata = "invalid_client_metadata";
    private const string InvalidRedirectUri = "invalid_redirect_uri";

    private static readonly string[] AcceptedGrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];
    private static readonly string[] RegisteredGrantTypes = [GrantTypes.AuthorizationCode];
    private static readonly string[] RegisteredResponseTypes = [ResponseTypes.Code];

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        IOptions<IssuerOptions> options)
    {
        var body = await ReadBoundedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Refuse(InvalidClientMetadata, $"The registration request is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        ClientRegistrationRequest? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize(body, IssuerJsonContext.Default.ClientRegistrationRequest);
        }
        catch (JsonException)
        {
            metadata = null;
        }
        if (metadata is null)
        {
            return Refuse(InvalidClientMetadata, "The body must be a JSON object of client metadata (RFC 7591).");
        }
        if (FindMetadataProblem(metadata) is { } problem)
        {
            return Refuse(InvalidClientMetadata, problem);
        }
        if (metadata.RedirectUris is not { Count: > 0 } redirectUris)
        {
            return Refuse(InvalidRedirectUri, "redirect_uris must name at least one redirect URI.");
        }
        if (redirectUris.FirstOrDefault(uri => !IsAcceptedRedirectUri(uri)) is { } rejected)
        {
            return Refuse(InvalidRedirectUri, $"'{rejected}' is not accepted: redirect URIs must be absolute https URIs, or http on loopback, without a fragment.");
        }

        var scopes = RegisteredScopes(metadata.Scope);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = Guid.NewGuid().ToString("N"),
            ClientType = ClientTypes.Public,
            DisplayName = metadata.ClientName,
        };
        descriptor.RedirectUris.UnionWith(redirectUris.Select(uri => new Uri(uri)));
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.ResponseTypes.Code,
        ]);
        descriptor.Permissions.UnionWith(ClientPermissions.For(scopes, options.Value));
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        await applications.CreateAsync(descriptor, context.RequestAborted);

        var registered = new ClientRegistrationResponse(
            descriptor.ClientId,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            metadata.ClientName,
            redirectUris,
            RegisteredGrantTypes,
            RegisteredResponseTypes,
            ClientAuthenticationMethods.None,
            string.Join(' ', scopes));
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(registered, IssuerJsonContext.Default.ClientRegistrationResponse, statusCode: StatusCodes.Status201Created);
    }

    // Requests this issuer cannot honour at all are refused. What it can narrow is narrowed, and the answer says what
    // was registered (RFC 7591 §2 lets a server replace requested values): every client is public, because the C#
    // SDK asks for client_secret_post and then follows the token_endpoint_auth_method of the answer; scopes are
    // limited to the MCP ones, because SDKs may ask for all the issuer advertises (openid among them).
    private static string? FindMetadataProblem(ClientRegistrationRequest metadata)
    {
        if (metadata.GrantTypes?.FirstOrDefault(grant => !AcceptedGrantTypes.Contains(grant)) is { } grant)
        {
            return $"grant_types '{grant}' is not supported: clients register for the authorization code with PKCE.";
        }
        if (metadata.ResponseTypes?.FirstOrDefault(type => type != ResponseTypes.Code) is { } type)
        {
            return $"response_types '{type}' is not supported: only 'code' is.";
        }
        return null;
    }

    // The MCP scopes asked for, or all of them when none is.
    private static string[] RegisteredScopes(string? requested)
    {
        var scopes = (requested ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(McpScopes.All.Contains).ToArray();
        return scopes.Length > 0 ? scopes : McpScopes.All;
    }

    private static bool IsAcceptedRedirectUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    // Null when the body is larger than the limit, whatever Content-Length claims.
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult Refuse(string error, string description, int statusCode = StatusCodes.Status400BadRequest) =>
        OAuthResults.Error(error, description, statusCode);
}
