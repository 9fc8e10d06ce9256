using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpDemo.StreamableHttp;

/// <summary>Registers and maps the Streamable HTTP transport for an MCP server built with <c>AddMcpServer()</c>.</summary>
public static class McpStreamableHttpExtensions
{
    /// <summary>Adds the Streamable HTTP transport, its options bound from the <c>Mcp</c> configuration section.</summary>
    public static IMcpServerBuilder WithStreamableHttpTransport(this IMcpServerBuilder builder, IConfiguration configuration)
    {
        throw new NotImplementedException("issue 2: the HTTP layer");
    }

    /// <summary>Maps POST, GET and DELETE on <paramref name="pattern"/> to the MCP server.</summary>
    public static IEndpointConventionBuilder MapStreamableHttp(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        throw new NotImplementedException("issue 2: the HTTP layer");
    }
}
