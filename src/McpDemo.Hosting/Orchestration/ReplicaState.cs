namespace McpDemo.Hosting.Orchestration;

/// <summary>Where a replica is in its life.</summary>
public enum ReplicaState
{
    /// <summary>Waiting for the resources it waits for to be healthy.</summary>
    Waiting,

    /// <summary>The process started; its health check has not passed yet.</summary>
    Starting,

    /// <summary>Running, and healthy if it has a health check.</summary>
    Running,

    /// <summary>The process crashed and will be started again after a back-off delay.</summary>
    Restarting,

    /// <summary>The process exited by itself with code 0 (a one-shot job); it is not restarted.</summary>
    Finished,

    /// <summary>The replica could not be started, or a resource it waits for failed; it is not retried.</summary>
    Failed,

    /// <summary>Asked to stop (SIGTERM); waiting for the process to exit.</summary>
    Stopping,

    /// <summary>Stopped by the AppHost.</summary>
    Stopped,
}
