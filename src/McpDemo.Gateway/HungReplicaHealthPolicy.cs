using System.Globalization;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace McpDemo.Gateway;

/// <summary>
/// Active health policy: YARP's consecutive failures, judged against the other replicas of the same probe round. A replica
/// whose probe times out while another replica answered the same round is out at once: it accepts connections and
/// answers nothing (a hung process, as after SIGSTOP), which only a probe can see, and every call sent to it meanwhile
/// waits for it. When every probe of a round fails, the machine or the network is the likelier cause than each replica,
/// so the failures count towards <c>ConsecutiveFailuresHealthPolicy.Threshold</c> (cluster metadata, default 2), as do
/// errors and failed statuses.
/// </summary>
internal sealed class HungReplicaHealthPolicy(IDestinationHealthUpdater healthUpdater) : IActiveHealthCheckPolicy
{
    /// <summary>The policy name used in cluster configuration.</summary>
    public const string PolicyName = "HungReplica";

    private const string ThresholdMetadataName = "ConsecutiveFailuresHealthPolicy.Threshold";
    private const int DefaultThreshold = 2;

    private readonly ConditionalWeakTable<DestinationState, StrongBox<int>> _failures = [];

    /// <inheritdoc/>
    public string Name => PolicyName;

    /// <inheritdoc/>
    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(probingResults);
        var someAnswered = probingResults.Any(Passed);
        var threshold = Threshold(cluster);
        var states = new NewActiveDestinationHealth[probingResults.Count];
        for (var i = 0; i < probingResults.Count; i++)
        {
            var result = probingResults[i];
            var failures = _failures.GetOrCreateValue(result.Destination);
            DestinationHealth health;
            if (Passed(result))
            {
                failures.Value = 0;
                health = DestinationHealth.Healthy;
            }
            else
            {
                var count = Interlocked.Increment(ref failures.Value);
                var hung = someAnswered && TimedOut(result);
                health = hung || count >= threshold ? DestinationHealth.Unhealthy : result.Destination.Health.Active;
            }
            states[i] = new NewActiveDestinationHealth(result.Destination, health);
        }
        healthUpdater.SetActive(cluster, states);
    }

    private static bool Passed(DestinationProbingResult result) => result.Response is { IsSuccessStatusCode: true };

    // YARP cancels a probe at the cluster's HealthCheck:Active:Timeout; a refused or reset connection throws otherwise.
    private static bool TimedOut(DestinationProbingResult result) => result.Response is null && result.Exception is OperationCanceledException;

    private static int Threshold(ClusterState cluster) =>
        cluster.Model.Config.Metadata?.TryGetValue(ThresholdMetadataName, out var value) == true
        && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threshold) && threshold > 0
            ? threshold
            : DefaultThreshold;
}
