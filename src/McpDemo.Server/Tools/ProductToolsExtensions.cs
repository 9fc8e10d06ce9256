using McpDemo.Server.Tools;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers McpDemo's product tools on an MCP server.</summary>
public static class ProductToolsExtensions
{
    /// <summary>
    /// Adds <c>ping</c>, <c>whoami</c>, <c>countdown</c> and <c>start_ticker</c>, counts their calls on
    /// <c>mcpdemo.tool.calls</c> and logs the traced ones. The tools read the session mode from <c>McpEndpointOptions</c>.
    /// </summary>
    public static IMcpServerBuilder WithProductTools(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ToolCallMetrics>();
        builder.Services.AddSingleton<ToolCallLog>();
        builder.Services.AddSingleton<Ticker>();
        return builder
            .WithTools<PingTool>()
            .WithTools<WhoAmITool>()
            .WithTools<CountdownTool>()
            .WithTools<TickerTool>()
            .WithRequestFilters(filters => filters
                .AddCallToolFilter(ToolCallFilters.RecordCalls)
                .AddCallToolFilter(ToolCallFilters.ExplainArgumentErrors));
    }
}
