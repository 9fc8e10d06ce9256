using System.Diagnostics;
using OpenTelemetry;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Keeps YARP's active health checks out of the exported traces. YARP starts its own activities for every probe round
/// (<c>proxy.cluster_health_checks</c> and one <c>proxy.destination_health_check</c> per replica) on the same source as
/// its forwarding spans, so the source stays subscribed and these two are marked unrecorded as they start: the exporter
/// skips unrecorded activities, and the probe's own HttpClient span is dropped by the probe-path filter.
/// </summary>
internal sealed class ProbeActivityFilter : BaseProcessor<Activity>
{
    /// <summary>The activity source YARP's forwarding and health-check activities come from.</summary>
    public const string YarpSourceName = "Yarp.ReverseProxy";

    public override void OnStart(Activity activity)
    {
        if (activity.Source.Name == YarpSourceName
            && activity.OperationName is "proxy.cluster_health_checks" or "proxy.destination_health_check")
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
        }
    }
}
