using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Configures a project as an McpDemo MCP client (McpDemo.Client).</summary>
public static class McpClientResourceExtensions
{
    /// <summary>
    /// Makes the client present <paramref name="apiKey"/> to the servers (<c>MCP_API_KEY</c>); while the parameter is
    /// empty it presents none.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithClientApiKey(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ParameterResource> apiKey) =>
        builder.WithEnvironmentWhenSet("MCP_API_KEY", apiKey);

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
        return builder.WithEnvironment("MCP_CLIENT_ID", client.ClientId)
            .WithEnvironment("MCP_CLIENT_SECRET", client.ClientSecret)
            .WithReferenceRelationship(identity.Resource);
    }
}
