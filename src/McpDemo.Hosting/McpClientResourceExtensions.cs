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
}
