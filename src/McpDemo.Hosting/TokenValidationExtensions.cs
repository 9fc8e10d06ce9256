using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// Makes MCP servers and gateways OAuth resource servers of an <see cref="McpIdentityResource"/>. Every resource server
/// of one MCP endpoint is told the same resource: the public URL clients see, which is what tokens are issued for
/// (<c>aud</c>) and what the protected-resource metadata names.
/// </summary>
public static class TokenValidationExtensions
{
    /// <summary>The server's configuration section for token validation (<c>Mcp:Auth</c>).</summary>
    public const string ServerSection = "Mcp__Auth__";

    /// <summary>The gateway's configuration section for token validation (<c>Gateway:Auth</c>).</summary>
    public const string GatewaySection = "Gateway__Auth__";

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
