using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Configures a project as an McpDemo MCP server, by the server's contract (DESIGN.md).</summary>
public static class McpServerResourceExtensions
{
    /// <summary>
    /// Starts the server with <c>--Mcp:SessionMode=<paramref name="sessionMode"/></c> and checks <c>/health</c>.
    /// Published, it listens on every interface of its container (it binds loopback unless told otherwise) and
    /// accepts the Host name it is deployed under (its Host check refuses any other).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AsMcpServer(this IResourceBuilder<ProjectResource> builder, string sessionMode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithArgs($"--Mcp:SessionMode={sessionMode}").WithHttpHealthCheck("/health");
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            var http = builder.GetEndpoint("http");
            builder.WithEnvironment("ASPNETCORE_URLS", ReferenceExpression.Create($"http://+:{http.Property(EndpointProperty.TargetPort)}"))
                .WithEnvironment("Mcp__AllowedHosts__0", http.Property(EndpointProperty.Host));
        }
        return builder;
    }
}
