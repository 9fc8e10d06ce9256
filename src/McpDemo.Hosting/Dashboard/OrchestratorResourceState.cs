using System.Collections.Concurrent;
using McpDemo.Dashboard.Resources;
using McpDemo.Hosting.ApplicationModel;
using McpDemo.Hosting.Orchestration;
using DashboardReplica = McpDemo.Dashboard.Resources.ReplicaSnapshot;
using OrchestratorReplica = McpDemo.Hosting.Orchestration.ReplicaSnapshot;

namespace McpDemo.Hosting.Dashboard;

/// <summary>
/// Feeds the dashboard's Resources page from the orchestrator's events. It keeps its own copies
/// (the latest snapshot per replica, a console log per resource) so dashboard requests never touch
/// the orchestrator's state while it changes.
/// </summary>
internal sealed class OrchestratorResourceState : IResourceStateSource
{
    private readonly DistributedApplicationModel _model;
    private readonly ConcurrentDictionary<string, DashboardReplica> _replicas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BoundedLog<ConsoleLine>> _consoles;

    public OrchestratorResourceState(DistributedApplicationModel model, Orchestrator orchestrator)
    {
        _model = model;
        _consoles = model.Resources.ToDictionary(r => r.Name, _ => new BoundedLog<ConsoleLine>(), StringComparer.Ordinal);
        orchestrator.ReplicaChanged += OnChanged;
        orchestrator.OutputReceived += OnOutput;
    }

    public IReadOnlyList<ResourceSnapshot> GetResources() =>
    [
        // Parameters run nothing; they only feed other resources' environments.
        .. _model.Resources.Where(r => r is not ParameterResource).Select(resource => new ResourceSnapshot(
            resource.Name,
            TypeOf(resource),
            [.. Enumerable.Range(0, resource.Replicas)
                .Select(i => _replicas.GetValueOrDefault(LaunchPlanner.ReplicaId(resource, i)))
                .OfType<DashboardReplica>()])),
    ];

    public IReadOnlyList<ConsoleLine> GetConsoleLines(string resourceName, int maxLines) =>
        _consoles.TryGetValue(resourceName, out var console) ? [.. console.Entries.TakeLast(maxLines)] : [];

    private static string TypeOf(Resource resource) => resource switch
    {
        ProjectResource => "Project",
        ExecutableResource => "Executable",
        _ => resource.GetType().Name,
    };

    private void OnChanged(OrchestratorReplica snapshot)
    {
        var resource = _model[snapshot.ResourceName];
        _replicas.AddOrUpdate(
            snapshot.ReplicaId,
            _ => ToDashboard(snapshot, resource, startedAt: null),
            (_, previous) => ToDashboard(snapshot, resource, previous.ProcessId == snapshot.ProcessId ? previous.StartedAt : null));
    }

    private static DashboardReplica ToDashboard(OrchestratorReplica snapshot, Resource resource, DateTimeOffset? startedAt) => new()
    {
        InstanceId = snapshot.ReplicaId,
        State = StateName(snapshot.State),
        Health = HealthOf(snapshot, resource),
        Restarts = snapshot.RestartCount,
        Endpoints = [.. snapshot.Endpoints.Values.Select(u => u.ToString().TrimEnd('/'))],
        ProcessId = snapshot.ProcessId,
        // A new process id means a new start; the first snapshot that carries it is when it started.
        StartedAt = snapshot.ProcessId is null ? null : startedAt ?? DateTimeOffset.UtcNow,
        Detail = snapshot.Message ?? (snapshot.ExitCode is { } code ? $"exit code {code}" : ""),
    };

    // The dashboard speaks Aspire's state names; a crashed replica waiting to restart has exited.
    private static string StateName(ReplicaState state) => state switch
    {
        ReplicaState.Restarting or ReplicaState.Stopped => "Exited",
        ReplicaState.Failed => "FailedToStart",
        _ => state.ToString(),
    };

    private static ResourceHealth HealthOf(OrchestratorReplica snapshot, Resource resource) => (snapshot.State, resource.HealthCheck) switch
    {
        (_, null) => ResourceHealth.Unknown,
        (ReplicaState.Running, _) => snapshot.Healthy is false ? ResourceHealth.Unhealthy : ResourceHealth.Healthy,
        (ReplicaState.Restarting or ReplicaState.Failed, _) => ResourceHealth.Unhealthy,
        _ => ResourceHealth.Unknown,
    };

    private void OnOutput(ReplicaOutputLine line) =>
        _consoles[line.ResourceName].Add(new ConsoleLine(DateTimeOffset.UtcNow, line.ReplicaId, line.Text, line.IsError));
}
