using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// Makes MCP servers and gateways OAuth resource servers of an <see cref="McpIdentityResource"/>, and gives clients the
/// credentials to get its tokens. Every resource server of one MCP endpoint is told the same resource: the public URL
/// clients see, which is what tokens are issued for (<c>aud</c>) and what the protected-resource metadata names.
/// </summary>
public static class TokenValidationExtensions
{
    /// <summary>The server's configuration section for token validation (<c>Mcp:Auth</c>).</summary>
    public const string ServerSection = "Mcp__Auth__";

    /// <summary>The gateway's configuration section for token validation (<c>Gateway:Auth</c>).</summary>
    public const string GatewaySection = "Gateway__Auth__";

    /// <summary>The variable the demo client reads its client id from.</summary>
    public const string ClientIdVariable = "MCP_CLIENT_ID";

    /// <summary>The variable the demo client reads its client secret from.</summary>
    public const string ClientSecretVariable = "MCP_CLIENT_SECRET";

    /// <summary>
    /// Makes the server accept only tokens of <paramref name="identity"/> issued for <paramref name="resource"/>
    /// (<c>Mcp__Auth__Authority</c>, <c>Mcp__Auth__Resource</c>), and starts it once the issuer is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServerTokenValidation(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<McpIdentityResource> identity, ReferenceExpression resource) =>
        builder.WithTokenValidation(ServerSection, identity, resource);

    /// <summary>
    /// Makes the gateway refuse at the edge what is not a token of <paramref name="identity"/> for <paramref name="resource"/>
    /// (<c>Gateway__Auth__Authority</c>, <c>Gateway__Auth__Resource</c>), and starts it once the issuer is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayTokenValidation(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<McpIdentityResource> identity, ReferenceExpression resource) =>
        builder.WithTokenValidation(GatewaySection, identity, resource);

    /// <summary>
    /// Gives the client the credentials of <paramref name="identity"/>'s machine client <paramref name="clientId"/>
    /// (<c>MCP_CLIENT_ID</c>, <c>MCP_CLIENT_SECRET</c>). The client finds the issuer itself, from the metadata the server
    /// names in its first 401, as any MCP client does.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithClientCredentials(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<McpIdentityResource> identity, string clientId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(identity);
        var client = identity.Resource.MachineClients.SingleOrDefault(c => c.ClientId == clientId)
            ?? throw new ArgumentException($"'{identity.Resource.Name}' has no machine client '{clientId}'; add it with WithMachineClient first.", nameof(clientId));
        return builder.WithEnvironment(ClientIdVariable, client.ClientId)
            .WithEnvironment(ClientSecretVariable, client.ClientSecret)
            .WithReferenceRelationship(identity.Resource);
    }

    private static IResourceBuilder<ProjectResource> WithTokenValidation(
        this IResourceBuilder<ProjectResource> builder, string section, IResourceBuilder<McpIdentityResource> identity, ReferenceExpression resource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(resource);
        return builder.WithEnvironment(section + "Authority", identity.Resource.HttpEndpoint)
            .WithEnvironment(section + "Resource", resource)
            .WithReferenceRelationship(identity.Resource)
            .WaitFor(identity);
    }
}
