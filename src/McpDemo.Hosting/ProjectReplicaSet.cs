using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// The replicas of one project, each its own resource (<c>server-1</c>..<c>server-N</c>) with an
/// unproxied endpoint, so a gateway that references the set sees every replica and balances them itself.
/// </summary>
/// <remarks>
/// Aspire's own <c>WithReplicas</c> puts replicas behind one DCP proxy that picks a replica per
/// connection, so a proxy with kept-alive connections (YARP) reaches only one of them. When the app is
/// published the set is one resource with a <see cref="ReplicaAnnotation"/>, which is what the manifest
/// and deployment steps read.
/// </remarks>
public sealed class ProjectReplicaSet
{
    internal ProjectReplicaSet(string name, IReadOnlyList<IResourceBuilder<ProjectResource>> replicas)
    {
        Name = name;
        Replicas = replicas;
    }

    /// <summary>The service name the replicas share: their <c>OTEL_SERVICE_NAME</c> and the name others reference them by.</summary>
    public string Name { get; }

    /// <summary>One resource per replica when the app runs; the one published resource when it is published.</summary>
    public IReadOnlyList<IResourceBuilder<ProjectResource>> Replicas { get; }

    /// <summary>Applies <paramref name="configure"/> to every replica.</summary>
    public ProjectReplicaSet WithEach(Action<IResourceBuilder<ProjectResource>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        foreach (var replica in Replicas)
        {
            configure(replica);
        }
        return this;
    }

    /// <summary>
    /// Puts the first replica's HTTP endpoint on <paramref name="port"/>, unproxied, and leaves the others on free ports:
    /// one well-known address to hand out (as a load balancer's), while the others are found in the dashboard. Published,
    /// <paramref name="port"/> is the one resource's target port.
    /// </summary>
    public ProjectReplicaSet WithFirstHttpPort(int port)
    {
        Replicas[0].WithEndpoint("http", endpoint =>
        {
            endpoint.Port = port;
            endpoint.IsProxied = false;
        });
        return this;
    }
}
