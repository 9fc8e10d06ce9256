using System.Diagnostics.Metrics;
using McpDemo.ServiceDefaults;

namespace McpDemo.Server.Tools;

/// <summary>The <c>mcpdemo.tool.calls</c> counter on the McpDemo meter, tagged with the tool's name.</summary>
public sealed class ToolCallMetrics
{
    /// <summary>The counter's name.</summary>
    public const string CallsCounterName = "mcpdemo.tool.calls";

    /// <summary>The tag holding the tool name (OpenTelemetry's GenAI convention).</summary>
    public const string ToolNameTag = "gen_ai.tool.name";

    private readonly Counter<long> _calls;

    /// <summary>Creates the counter on the meter factory's McpDemo meter.</summary>
    public ToolCallMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _calls = meterFactory.Create(McpDemoTelemetry.MeterName)
            .CreateCounter<long>(CallsCounterName, unit: "{call}", description: "Tool calls, by tool.");
    }

    /// <summary>Counts one call of <paramref name="toolName"/>.</summary>
    public void RecordCall(string toolName) => _calls.Add(1, new KeyValuePair<string, object?>(ToolNameTag, toolName));
}
