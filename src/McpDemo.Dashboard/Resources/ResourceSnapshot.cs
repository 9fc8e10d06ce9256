namespace McpDemo.Dashboard.Resources;

/// <summary>One resource of the app model at a moment in time.</summary>
/// <param name="Name">The resource name; also its <c>service.name</c> in telemetry.</param>
/// <param name="Type">What kind of resource it is, e.g. <c>Project</c> or <c>Executable</c>.</param>
/// <param name="Replicas">Its running instances; one for a resource without replicas.</param>
public sealed record ResourceSnapshot(string Name, string Type, IReadOnlyList<ReplicaSnapshot> Replicas);
