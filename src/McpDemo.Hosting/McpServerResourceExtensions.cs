using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Configures a project as an McpDemo MCP server, by the server's contract (DESIGN.md).</summary>
public static class McpServerResourceExtensions
{
    /// <summary>
    /// The environment variable prefix of the server's <c>Mcp:AllowedHosts</c> list (<c>Mcp__AllowedHosts__0</c>,
    /// <c>__1</c>, ...): behind a load balancer the Host header is a name the server must be told to accept.
    /// </summary>
    public const string AllowedHostsVariablePrefix = "Mcp__AllowedHosts__";

    /// <summary>
    /// Starts the server with <c>--Mcp:SessionMode=<paramref name="sessionMode"/></c>, checks <c>/health</c>, and marks it
    /// with an <see cref="McpServerAnnotation"/>. Published, it listens on every interface of its container (it binds
    /// loopback unless told otherwise) and accepts the Host name it is deployed under (its Host check refuses any other).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AsMcpServer(this IResourceBuilder<ProjectResource> builder, McpServerSessionMode sessionMode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithAnnotation(new McpServerAnnotation(sessionMode), ResourceAnnotationMutationBehavior.Replace)
            .WithArgs($"--Mcp:SessionMode={sessionMode}")
            .WithHttpHealthCheck("/health");
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            var http = builder.GetEndpoint("http");
            builder.WithEnvironment("ASPNETCORE_URLS", ReferenceExpression.Create($"http://+:{http.Property(EndpointProperty.TargetPort)}"))
                .WithEnvironment(AllowedHostsVariablePrefix + "0", http.Property(EndpointProperty.Host));
        }
        return builder;
    }

    /// <summary>
    /// Makes the server require <paramref name="apiKey"/> of its callers (<c>Mcp:ApiKeys:0</c>); while the parameter is
    /// empty the server gets no key and requires none.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithApiKey(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ParameterResource> apiKey) =>
        builder.WithEnvironmentWhenSet("Mcp__ApiKeys__0", apiKey);
}
