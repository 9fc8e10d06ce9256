using McpDemo.Server.Tools;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers McpDemo's product tools on an MCP server.</summary>
public static class ProductToolsExtensions
{
    /// <summary>
    /// Adds <c>ping</c>, <c>whoami</c>, <c>countdown</c>, <c>confirm_action</c> and <c>start_ticker</c> with the
    /// <c>subscriptions/listen</c> handler its ticks use, counts calls on <c>mcpdemo.tool.calls</c>, logs the traced
    /// ones, and puts cache hints on <c>tools/list</c> (the list never changes while a replica runs).
    /// </summary>
    public static IMcpServerBuilder WithProductTools(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ToolCallMetrics>();
        builder.Services.AddSingleton<ToolCallLog>();
        builder.Services.AddSingleton<Ticker>();
        builder.Services.AddSingleton<ListenStreams>();
        // Protects confirm_action's requestState. The key ring is per process until a shared store keeps it.
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<ConfirmationState>();
        return builder
            .WithTools<PingTool>()
            .WithTools<WhoAmITool>()
            .WithTools<CountdownTool>()
            .WithTools<ConfirmActionTool>()
            .WithTools<TickerTool>()
            .WithSubscriptionsListenHandler((request, cancellationToken) =>
                request.Services!.GetRequiredService<ListenStreams>().ListenAsync(request, cancellationToken))
            .WithRequestFilters(filters => filters
                .AddCallToolFilter(ToolCallFilters.RecordCalls)
                .AddCallToolFilter(ToolCallFilters.ExplainArgumentErrors)
                .AddListToolsFilter(ToolListCacheHints.Add));
    }
}
