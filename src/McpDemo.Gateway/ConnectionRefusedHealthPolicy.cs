using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace McpDemo.Gateway;

/// <summary>
/// Passive health policy: a replica that cannot be connected to is out at once, for
/// the cluster's <c>HealthCheck:Passive:ReactivationPeriod</c>, instead of after a failure rate builds up (YARP's default
/// policy needs 10 requests within a minute). Active probes decide when it is really back.
/// </summary>
internal sealed class ConnectionRefusedHealthPolicy(IDestinationHealthUpdater healthUpdater)
    : IPassiveHealthCheckPolicy
{
    // YARP's own passive policy waits this long when the cluster names no period.
    private static readonly TimeSpan s_defaultReactivationPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The policy name used in cluster configuration.</summary>
    public const string PolicyName = "ConnectionRefused";

    /// <inheritdoc/>
    public string Name => PolicyName;

    /// <inheritdoc/>
    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (ConnectionFailure.Occurred(context))
        {
            healthUpdater.SetPassive(cluster, destination, DestinationHealth.Unhealthy,
                cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? s_defaultReactivationPeriod);
        }
    }
}
