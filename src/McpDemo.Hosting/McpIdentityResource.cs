using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// The local OAuth 2.1 issuer the MCP servers and gateways trust (McpDemo.Identity): it signs audience-bound JWT access
/// tokens that resource servers validate offline with its published keys. Its issuer URL is its HTTP endpoint's URL.
/// </summary>
/// <remarks>
/// A project resource of its own type, so DCP runs it and the manifest declares it as any project, while deployment
/// steps recognise it by type and put their cloud's issuer in its place (Cognito on AWS).
/// </remarks>
/// <param name="name">The resource name.</param>
public sealed class McpIdentityResource(string name) : ProjectResource(name)
{
    /// <summary>The name of the issuer's HTTP endpoint.</summary>
    public const string HttpEndpointName = "http";

    /// <summary>The issuer's HTTP endpoint; its URL is the issuer URL (<c>iss</c>) and the resource servers' authority.</summary>
    public EndpointReference HttpEndpoint => field ??= new(this, HttpEndpointName);

    /// <summary>The resources (RFC 8707) the issuer grants tokens for: a token's <c>aud</c> is the one its client names.</summary>
    public IList<ReferenceExpression> ProtectedResources { get; } = [];

    /// <summary>The machine clients that get tokens with client credentials.</summary>
    public IList<McpMachineClient> MachineClients { get; } = [];
}

/// <summary>A confidential client of an <see cref="McpIdentityResource"/> that uses client credentials.</summary>
/// <param name="ClientId">The client id, also the subject of its tokens.</param>
/// <param name="ClientSecret">The parameter holding its secret.</param>
/// <param name="Scopes">The scopes it may ask for.</param>
public sealed record McpMachineClient(string ClientId, ParameterResource ClientSecret, IReadOnlyList<string> Scopes);
