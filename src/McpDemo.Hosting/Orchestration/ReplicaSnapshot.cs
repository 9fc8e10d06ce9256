namespace McpDemo.Hosting.Orchestration;

/// <summary>The state of one replica at one moment: what the console, the dashboard and tests read.</summary>
/// <param name="ResourceName">The resource the replica belongs to.</param>
/// <param name="ReplicaId">The replica id, e.g. <c>server-2</c>; it is the replica's <c>service.instance.id</c>.</param>
/// <param name="State">Where the replica is in its life.</param>
/// <param name="Endpoints">The replica's endpoint URLs by endpoint name.</param>
/// <param name="ProcessId">The current process id, if a process is running.</param>
/// <param name="RestartCount">How many times the replica was restarted after a crash.</param>
/// <param name="ExitCode">The exit code of the last process that exited, if any.</param>
/// <param name="RestartDelay">The back-off before the pending or latest restart, if it was ever restarted.</param>
/// <param name="Message">Why the replica failed, or what it is waiting for.</param>
/// <param name="Healthy">While it runs, whether its health check passed last time; null without a health check or before it first passed.</param>
public sealed record ReplicaSnapshot(
    string ResourceName,
    string ReplicaId,
    ReplicaState State,
    IReadOnlyDictionary<string, Uri> Endpoints,
    int? ProcessId = null,
    int RestartCount = 0,
    int? ExitCode = null,
    TimeSpan? RestartDelay = null,
    string? Message = null,
    bool? Healthy = null)
{
    /// <summary>The replica's HTTP endpoint, if it has one.</summary>
    public Uri? Url => Endpoints.TryGetValue("http", out var url) ? url : Endpoints.Values.FirstOrDefault();
}
