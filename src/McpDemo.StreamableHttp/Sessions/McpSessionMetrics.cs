using System.Diagnostics.Metrics;

namespace McpDemo.StreamableHttp.Sessions;

/// <summary>The HTTP layer's instruments: what an operator watches to see how sessions spread over replicas.</summary>
public static class McpSessionMetrics
{
    /// <summary>The meter the HTTP layer's instruments belong to; export it to see them.</summary>
    public const string MeterName = "McpDemo.StreamableHttp";

    /// <summary>The gauge of live stateful sessions in this process (always 0 when stateless).</summary>
    public const string ActiveSessions = "mcp.server.sessions.active";

    internal static void ObserveActiveSessions(IMeterFactory meterFactory, Func<int> count) =>
        meterFactory.Create(MeterName).CreateObservableGauge(ActiveSessions, count, unit: "{session}", description: "Live stateful MCP sessions.");
}
