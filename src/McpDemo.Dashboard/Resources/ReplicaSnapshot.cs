namespace McpDemo.Dashboard.Resources;

/// <summary>One running instance of a resource.</summary>
public sealed record ReplicaSnapshot
{
    /// <summary>The replica's id; also its <c>service.instance.id</c> in telemetry.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The lifecycle state, as Aspire names them: Waiting, Starting, Running, Stopping, Exited, FailedToStart or Finished.</summary>
    public required string State { get; init; }

    /// <summary>The result of the replica's health check.</summary>
    public ResourceHealth Health { get; init; }

    /// <summary>How many times the orchestrator has restarted the replica.</summary>
    public int Restarts { get; init; }

    /// <summary>The URLs the replica serves, e.g. <c>http://localhost:5101</c>.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>The operating-system process id, when the replica is a running process.</summary>
    public int? ProcessId { get; init; }

    /// <summary>When the replica (last) started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Why the replica is not running, e.g. its exit code; empty when nothing to say.</summary>
    public string Detail { get; init; } = "";
}
