using System.Globalization;
using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Orchestration;

/// <summary>
/// Turns the model into one <see cref="ReplicaPlan"/> per replica. Every port is reserved before
/// anything starts, so each replica knows the addresses of all the replicas it references.
/// </summary>
internal static class LaunchPlanner
{
    /// <summary>Plans every resource that runs; parameters only feed the others' environments.</summary>
    /// <param name="model">The resources.</param>
    /// <param name="options">How the application runs.</param>
    /// <param name="otlpEndpoint">Where every replica exports telemetry, or null for nowhere.</param>
    public static Dictionary<Resource, IReadOnlyList<ReplicaPlan>> Plan(DistributedApplicationModel model, DistributedApplicationOptions options, string? otlpEndpoint)
    {
        var ports = new PortAllocator();
        var runnable = model.Resources.Where(r => r is not ParameterResource).ToList();
        var endpoints = runnable.ToDictionary(r => r, r => ReserveEndpoints(r, ports));
        return runnable.ToDictionary(
            r => r,
            r => (IReadOnlyList<ReplicaPlan>)[.. endpoints[r].Select((replicaEndpoints, i) => PlanReplica(r, ReplicaId(r, i), replicaEndpoints, endpoints, otlpEndpoint))]);
    }

    /// <summary>Replica ids count from 1, as people do: <c>server-1</c>, <c>server-2</c>.</summary>
    public static string ReplicaId(Resource resource, int index) => $"{resource.Name}-{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    private static IReadOnlyList<IReadOnlyDictionary<string, Uri>> ReserveEndpoints(Resource resource, PortAllocator ports) =>
    [
        .. Enumerable.Range(0, resource.Replicas).Select(i => (IReadOnlyDictionary<string, Uri>)resource.Endpoints.ToDictionary(
            e => e.Name,
            e => new Uri($"{e.Scheme}://localhost:{ports.Reserve(e.Port, $"{ReplicaId(resource, i)} ({e.Name})")}")))
    ];

    private static ReplicaPlan PlanReplica(
        Resource resource,
        string replicaId,
        IReadOnlyDictionary<string, Uri> ownEndpoints,
        Dictionary<Resource, IReadOnlyList<IReadOnlyDictionary<string, Uri>>> allEndpoints,
        string? otlpEndpoint)
    {
        var environment = EnvironmentContract.For(resource, replicaId, ownEndpoints, r => allEndpoints[r], otlpEndpoint);
        return resource switch
        {
            ProjectResource project => new ReplicaPlan(
                resource, replicaId, DotNetHost.Path, [RequireBuilt(project), .. resource.Args], project.ProjectDirectory, ownEndpoints, environment),
            ExecutableResource executable => new ReplicaPlan(
                resource, replicaId, executable.Command, resource.Args, executable.WorkingDirectory, ownEndpoints, environment),
            _ => throw new DistributedApplicationException($"Resource '{resource.Name}' is a {resource.GetType().Name}, which cannot run locally."),
        };
    }

    private static string RequireBuilt(ProjectResource project) =>
        File.Exists(project.TargetPath)
            ? project.TargetPath
            : throw new DistributedApplicationException(
                $"Project '{project.Name}' is not built: {project.TargetPath} is missing. Build it with: dotnet build {project.ProjectPath}");
}
