using McpDemo.StreamableHttp.Resumability;
using McpDemo.StreamableHttp.Security;
using McpDemo.StreamableHttp.Sessions;
using McpDemo.StreamableHttp.Stateless;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp;

/// <summary>Registers and maps the Streamable HTTP transport for an MCP server built with <c>AddMcpServer()</c>.</summary>
public static class McpStreamableHttpExtensions
{
    /// <summary>Adds the Streamable HTTP transport, its options bound from the <c>Mcp</c> configuration section.</summary>
    /// <param name="builder">The MCP server builder returned by <c>AddMcpServer()</c>.</param>
    /// <param name="configuration">Configuration whose <c>Mcp</c> section holds <see cref="McpHttpOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IMcpServerBuilder WithStreamableHttpTransport(this IMcpServerBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return builder.WithStreamableHttpTransport(configuration, configure: null);
    }

    /// <summary>
    /// Adds the Streamable HTTP transport, its options bound from the <c>Mcp</c> configuration section and then
    /// adjusted by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The MCP server builder returned by <c>AddMcpServer()</c>.</param>
    /// <param name="configuration">Configuration whose <c>Mcp</c> section holds <see cref="McpHttpOptions"/>.</param>
    /// <param name="configure">Adjusts the bound options; null to use configuration alone.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IMcpServerBuilder WithStreamableHttpTransport(this IMcpServerBuilder builder, IConfiguration configuration, Action<McpHttpOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        var services = builder.Services;
        var options = services.AddOptions<McpHttpOptions>().Bind(configuration.GetSection(McpHttpOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<McpHttpOptions>, McpHttpOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISseEventStreamStore, InMemoryEventStreamStore>();
        services.TryAddSingleton<DnsRebindingGuard>();
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton<McpServerFactory>();
        services.TryAddSingleton<McpSessionStore>();
        services.TryAddSingleton<RequestServerPool>();
        services.TryAddSingleton<StreamableHttpHandler>();
        services.AddHostedService<IdleSessionSweeper>();
        return builder;
    }

    /// <summary>
    /// Maps the MCP endpoint at <paramref name="pattern"/>: POST always; GET (the standalone or resumed event
    /// stream) and DELETE (end a session) in stateful mode, 405 with <c>Allow: POST</c> in stateless mode.
    /// </summary>
    /// <param name="endpoints">The application's route builder.</param>
    /// <param name="pattern">The route of the MCP endpoint.</param>
    /// <returns>A builder for conventions (authorization, rate limiting, ...) that apply to every MCP method.</returns>
    public static IEndpointConventionBuilder MapStreamableHttp(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var handler = endpoints.ServiceProvider.GetService<StreamableHttpHandler>()
            ?? throw new InvalidOperationException(
                "The Streamable HTTP transport is not registered: call AddMcpServer().WithStreamableHttpTransport(configuration) first.");
        var mode = endpoints.ServiceProvider.GetRequiredService<IOptions<McpHttpOptions>>().Value.SessionMode;

        var group = endpoints.MapGroup(pattern);
        group.MapPost("", handler.HandlePostAsync);
        if (mode == McpSessionMode.Stateful)
        {
            group.MapGet("", handler.HandleGetAsync);
            group.MapDelete("", handler.HandleDeleteAsync);
        }
        else
        {
            group.MapMethods("", [HttpMethods.Get, HttpMethods.Delete], handler.HandleMethodNotAllowedAsync);
        }

        return group;
    }
}
