using McpDemo.ConformanceServer.Completions;
using McpDemo.ConformanceServer.InputRequired;
using McpDemo.ConformanceServer.Prompts;
using McpDemo.ConformanceServer.Resources;
using McpDemo.ConformanceServer.Tools;
using ModelContextProtocol.Protocol;

namespace McpDemo.ConformanceServer;

/// <summary>Registers everything the official conformance suite calls: tools, resources, prompts, completions and subscriptions.</summary>
internal static class ConformanceFixtures
{
    /// <summary>Adds an MCP server carrying the conformance fixtures.</summary>
    public static IMcpServerBuilder AddConformanceMcpServer(this IServiceCollection services)
    {
        services.AddSingleton<ResourceSubscriptions>();
        services.AddSingleton<WatchedResource>();
        services.AddHostedService(provider => provider.GetRequiredService<WatchedResource>());
        // Integrity-protects the requestState of the tampered-state fixture.
        services.AddDataProtection();

        return services
            .AddMcpServer(options => options.ServerInfo = new Implementation { Name = "mcpdemo-conformance-server", Version = "1.0.0" })
            .WithTools<ContentTools>()
            .WithTools<NotifyingTools>()
            .WithTools<ClientRequestTools>()
            .WithTools<ElicitationSchemaTools>()
            .WithTools<StatelessDiagnosticTools>()
            .WithTools<InputRequiredTools>()
            .WithResources<TestResources>()
            .WithPrompts<TestPrompts>()
            .WithPrompts<InputRequiredPrompts>()
            .WithCompleteHandler(ArgumentCompletions.CompleteAsync)
            .WithRequestFilters(filters => filters.AddReadResourceFilter(ResourceNotFoundUri.Add))
            .WithSubscribeToResourcesHandler((context, cancellationToken) =>
                Subscriptions(context.Services).SubscribeAsync(context, cancellationToken))
            .WithUnsubscribeFromResourcesHandler((context, cancellationToken) =>
                Subscriptions(context.Services).UnsubscribeAsync(context, cancellationToken));
    }

    private static ResourceSubscriptions Subscriptions(IServiceProvider? services) =>
        (services ?? throw new InvalidOperationException("The MCP request carries no service provider."))
            .GetRequiredService<ResourceSubscriptions>();
}
