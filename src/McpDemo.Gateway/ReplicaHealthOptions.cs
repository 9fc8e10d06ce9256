namespace McpDemo.Gateway;

/// <summary>
/// Health checks that take a failed replica out of rotation within seconds and put it back once it recovers.
/// </summary>
public sealed class ReplicaHealthOptions
{
    /// <summary>The replica endpoint probed by the active checks. Default <c>/health</c>.</summary>
    public string Path { get; set; } = "/health";

    /// <summary>Time between active probes of each replica. Default 2 seconds.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a probe may take before it counts as failed. Default 2 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive failed probes that take a replica out. Default 2.</summary>
    public int UnhealthyThreshold { get; set; } = 2;

    /// <summary>
    /// How long a replica that refused a connection stays out before it is tried again (while active probes
    /// still fail, it stays out regardless). Default 5 seconds.
    /// </summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(5);
}
