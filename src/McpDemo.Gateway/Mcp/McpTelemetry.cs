using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Features;

namespace McpDemo.Gateway.Mcp;

/// <summary>
/// Puts the MCP method and tool on the gateway's request span and on ASP.NET Core's <c>http.server.request.duration</c>
/// metric, under the OpenTelemetry MCP conventions' names, so the dashboard shows request rate and latency per
/// method and per tool at the gateway. Tool names come from clients, so the metric only ever sees a bounded set
/// of them (<see cref="MaxToolNames"/>); later names are counted as <see cref="OtherToolName"/>.
/// </summary>
internal sealed class McpTelemetry
{
    /// <summary>OpenTelemetry's attribute for the MCP method.</summary>
    public const string MethodAttribute = "mcp.method.name";

    /// <summary>OpenTelemetry's attribute for the tool a <c>tools/call</c> calls.</summary>
    public const string ToolAttribute = "gen_ai.tool.name";

    /// <summary>OpenTelemetry's attribute for the protocol version.</summary>
    public const string ProtocolVersionAttribute = "mcp.protocol.version";

    /// <summary>The most distinct tool names (and methods) the metrics carry.</summary>
    public const int MaxToolNames = 200;

    /// <summary>The metric value standing for every name past <see cref="MaxToolNames"/>.</summary>
    public const string OtherToolName = "_OTHER";

    private readonly ConcurrentDictionary<string, string> _metricNames = new(StringComparer.Ordinal);

    /// <summary>Describes the request in its span (when recorded) and its duration metric (when listened to).</summary>
    public void Describe(HttpContext context, McpRequestFeature request, string? protocolVersion)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { IsAllDataRequested: true } span)
        {
            span.SetTag(MethodAttribute, request.Method);
            span.SetTag(ToolAttribute, request.ToolName);
            span.SetTag(ProtocolVersionAttribute, protocolVersion);
        }
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
        {
            metrics.Tags.Add(new(MethodAttribute, Bounded(request.Method)));
            if (request.ToolName is { } tool)
            {
                metrics.Tags.Add(new(ToolAttribute, Bounded(tool)));
            }
        }
    }

    /// <summary><paramref name="name"/> if it is among the first <see cref="MaxToolNames"/> seen, else <see cref="OtherToolName"/>.</summary>
    public string Bounded(string name)
    {
        if (_metricNames.TryGetValue(name, out var known))
        {
            return known;
        }
        // Racing first sightings may let a few more in than the bound; it only has to stop unbounded growth.
        return _metricNames.Count < MaxToolNames ? _metricNames.GetOrAdd(name, name) : OtherToolName;
    }
}
