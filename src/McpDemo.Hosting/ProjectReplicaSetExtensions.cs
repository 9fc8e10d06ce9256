using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Adds a <see cref="ProjectReplicaSet"/> to the app, and lets another resource reference and wait for it.</summary>
public static class ProjectReplicaSetExtensions
{
    /// <summary>The most replicas one set may have: past this a laptop runs out of memory before the demo shows anything new.</summary>
    public const int MaxReplicas = 64;

    /// <summary>
    /// Adds <paramref name="replicas"/> replicas of <typeparamref name="TProject"/> named <c>{name}-1</c>..<c>{name}-N</c>
    /// (just <paramref name="name"/> when <paramref name="replicas"/> is 1), each with its own unproxied HTTP endpoint on a
    /// free port, the shared service name <paramref name="name"/> and its own <c>service.instance.id</c> (its number,
    /// 1..N). When publishing, adds one resource <paramref name="name"/> with the replica count instead.
    /// </summary>
    public static ProjectReplicaSet AddProjectReplicas<TProject>(this IDistributedApplicationBuilder builder, string name, int replicas)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicas, MaxReplicas);

        if (builder.ExecutionContext.IsPublishMode)
        {
            return new ProjectReplicaSet(name, [builder.AddProject<TProject>(name).WithReplicas(replicas).WithHttpEndpoint()]);
        }
        var members = Enumerable.Range(1, replicas).Select(i =>
        {
            var instance = i.ToString(CultureInfo.InvariantCulture);
            // One replica is the service itself: the name a person expects, as Aspire names a resource without replicas.
            return builder.AddProject<TProject>(replicas == 1 ? name : $"{name}-{instance}")
                // Unproxied: the gateway must reach each replica itself, not a proxy that picks one at random.
                .WithHttpEndpoint(isProxied: false)
                // One service in telemetry, told apart by instance. The dashboard names an instance of a service that has
                // several "{service.name}-{service.instance.id}": the instance is the replica's number, so that name is
                // the resource's own (server-2), where the resource name as instance made it server-server-2.
                .WithEnvironment("OTEL_SERVICE_NAME", name)
                .WithEnvironment("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={instance}");
        }).ToList();
        return new ProjectReplicaSet(name, members);
    }

    /// <summary>
    /// Hands every replica's HTTP endpoint to <paramref name="builder"/>'s resource as
    /// <c>services__{name}__http__{i}</c>, the service discovery keys Aspire gives a referenced resource.
    /// </summary>
    public static IResourceBuilder<TResource> WithReference<TResource>(this IResourceBuilder<TResource> builder, ProjectReplicaSet replicas)
        where TResource : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(replicas);
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return builder.WithReference(replicas.Replicas.Single());
        }
        for (var i = 0; i < replicas.Replicas.Count; i++)
        {
            var endpoint = replicas.Replicas[i].GetEndpoint("http");
            builder.WithEnvironment($"services__{replicas.Name}__http__{i}", endpoint);
            // Shown as a reference in the dashboard's graph, as Aspire's own WithReference does.
            builder.WithReferenceRelationship(replicas.Replicas[i]);
        }
        return builder;
    }

    /// <summary>Starts <paramref name="builder"/>'s resource only once every replica is healthy.</summary>
    public static IResourceBuilder<TResource> WaitFor<TResource>(this IResourceBuilder<TResource> builder, ProjectReplicaSet replicas)
        where TResource : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(replicas);
        foreach (var replica in replicas.Replicas)
        {
            builder.WaitFor(replica);
        }
        return builder;
    }
}
