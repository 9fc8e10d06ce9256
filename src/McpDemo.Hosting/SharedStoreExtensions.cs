using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// The store that lets every server replica serve every request (legacy sessions, resumable streams, the Data
/// Protection key ring, notification fan-out): a .NET project embedding Garnet, so it needs nothing installed.
/// </summary>
public static class SharedStoreExtensions
{
    /// <summary>The name of the store's Redis-protocol (RESP) endpoint.</summary>
    public const string RespEndpointName = "resp";

    /// <summary>
    /// Adds the store project <typeparamref name="TProject"/> as resource <paramref name="name"/>: its RESP port comes
    /// from Aspire (<c>Store__Port</c>), its readiness from <c>/health</c> (Healthy once Garnet answers PING).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGarnetStore<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProject<TProject>(name)
            .WithBuiltOutputLaunch()
            .WithHttpEndpoint()
            .WithEndpoint(name: RespEndpointName, scheme: "tcp", env: "Store__Port")
            .WithHttpHealthCheck("/health");
    }

    /// <summary>
    /// Gives the resource <c>ConnectionStrings__&lt;store name&gt;</c> (host:port of the store's RESP endpoint), the
    /// variable Aspire's <c>WithReference</c> sets for a resource with a connection string, and waits for the store.
    /// </summary>
    public static IResourceBuilder<TResource> WithStore<TResource>(this IResourceBuilder<TResource> builder, IResourceBuilder<ProjectResource> store)
        where TResource : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        var resp = store.GetEndpoint(RespEndpointName);
        return builder
            .WithEnvironment($"ConnectionStrings__{store.Resource.Name}", ReferenceExpression.Create($"{resp.Property(EndpointProperty.HostAndPort)}"))
            .WaitFor(store);
    }
}
