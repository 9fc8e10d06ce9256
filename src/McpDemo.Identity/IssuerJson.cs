using System.Text.Json.Serialization;

namespace McpDemo.Identity;

/// <summary>The client metadata of an RFC 7591 registration request that this issuer reads; other members are ignored.</summary>
internal sealed class ClientRegistrationRequest
{
    public List<string>? RedirectUris { get; set; }

    public string? ClientName { get; set; }

    public string? TokenEndpointAuthMethod { get; set; }

    public List<string>? GrantTypes { get; set; }

    public List<string>? ResponseTypes { get; set; }

    public string? Scope { get; set; }
}

/// <summary>The client information response (RFC 7591 §3.2.1): the client id and the metadata as registered.</summary>
internal sealed record ClientRegistrationResponse(
    string ClientId,
    long ClientIdIssuedAt,
    string? ClientName,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes,
    string TokenEndpointAuthMethod,
    string Scope);

/// <summary>An OAuth error body (RFC 6749 §5.2, RFC 7591 §3.2.2).</summary>
internal sealed record OAuthError(string Error, string? ErrorDescription);

/// <summary>Source-generated JSON for the issuer's own answers, in OAuth's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClientRegistrationRequest))]
[JsonSerializable(typeof(ClientRegistrationResponse))]
[JsonSerializable(typeof(OAuthError))]
internal sealed partial class IssuerJsonContext : JsonSerializerContext;
