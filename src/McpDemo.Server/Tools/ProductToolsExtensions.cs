using McpDemo.Server.Tools;
using McpDemo.SharedState;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers McpDemo's product tools on an MCP server.</summary>
public static class ProductToolsExtensions
{
    /// <summary>
    /// Adds <c>ping</c>, <c>whoami</c>, <c>countdown</c>, <c>confirm_action</c> and <c>start_ticker</c> with the
    /// <c>subscriptions/listen</c> handler its ticks use, logs the traced calls, and puts cache hints on <c>tools/list</c> (the list never changes while a replica runs).
    /// </summary>
    public static IMcpServerBuilder WithProductTools(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ToolCallLog>();
        builder.Services.AddSingleton<Ticker>();
        builder.Services.AddSingleton<ListenStreams>();
        // Ticks reach listen streams on this replica only, unless AddSharedState relays them through the store.
        builder.Services.TryAddSingleton<INotificationRelay, InProcessNotificationRelay>();
        builder.Services.TryAddSingleton<LegacySessionStreams>();
        // Protects confirm_action's requestState. The key ring is per process unless AddSharedState keeps it in the store.
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<ConfirmationState>();
        // With our contracts beside the SDK's: a NativeAOT binary has no reflection to build the output schemas from.
        return builder
            .WithTools<PingTool>(ToolJson.Options)
            .WithTools<WhoAmITool>(ToolJson.Options)
            .WithTools<CountdownTool>(ToolJson.Options)
            .WithTools<ConfirmActionTool>(ToolJson.Options)
            .WithTools<TickerTool>(ToolJson.Options)
            .WithSubscriptionsListenHandler((request, cancellationToken) =>
                request.Services!.GetRequiredService<ListenStreams>().ListenAsync(request, cancellationToken))
            .WithRequestFilters(filters => filters
                .AddCallToolFilter(ToolCallFilters.LogRecordedCalls)
                .AddCallToolFilter(ToolCallFilters.ExplainArgumentErrors)
                .AddListToolsFilter(ToolListCacheHints.Add));
    }
}
