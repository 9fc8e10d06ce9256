using System.Diagnostics;
using OpenTelemetry;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Keeps probes out of the exported traces, where a poll every few seconds would bury the MCP traffic:
/// <list type="bullet">
/// <item>YARP's active health checks: it starts its own activities for every probe round
/// (<c>proxy.cluster_health_checks</c>, and <c>proxy.destination_health_check</c> per replica) on the source its
/// forwarding spans come from, so the source stays subscribed and these two are dropped by name;</item>
/// <item>whatever runs under a request that is not traced: the store health check's <c>PING</c> runs inside a
/// <c>/health</c> request, whose activity exists but is unrecorded, and an <c>always_on</c> sampler (the dashboard's)
/// would record its child anyway;</item>
/// <item>store commands with no request around them (the same checks where nothing is traced at all).</item>
/// </list>
/// They are marked unrecorded as they start, and the exporter skips unrecorded activities; a probe's own HTTP spans are
/// dropped by the instrumentations' probe-path filters.
/// </summary>
internal sealed class ProbeActivityFilter : BaseProcessor<Activity>
{
    /// <summary>The activity source YARP's forwarding and health-check activities come from.</summary>
    public const string YarpSourceName = "Yarp.ReverseProxy";

    /// <summary>The activity source of the StackExchange.Redis instrumentation (Aspire.StackExchange.Redis uses it).</summary>
    public const string StoreSourceName = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    public override void OnStart(Activity activity)
    {
        if (IsProbe(activity))
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
        }
    }

    private static bool IsProbe(Activity activity) => activity.Parent is { Recorded: false } || activity.Source.Name switch
    {
        YarpSourceName => activity.OperationName is "proxy.cluster_health_checks" or "proxy.destination_health_check",
        // The instrumentation starts a command's span after the fact, from the parent context it captured, so the span
        // has no Parent object to ask: the parent's W3C id carries its sampled flag.
        StoreSourceName => !ActivityContext.TryParse(activity.ParentId, null, out var parent)
            || !parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded),
        _ => false,
    };
}
