using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Adds a <see cref="GarnetStoreResource"/> to the app, and gives services its connection string.</summary>
public static class GarnetStoreResourceExtensions
{
    /// <summary>
    /// Adds the store project <typeparamref name="TProject"/> as resource <paramref name="name"/>: its RESP port comes
    /// from Aspire (<c>Store__Port</c>), its readiness from <c>/health</c> (Healthy once Garnet answers PING).
    /// </summary>
    public static IResourceBuilder<GarnetStoreResource> AddGarnetStore<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProjectResource<GarnetStoreResource, TProject>(new GarnetStoreResource(name))
            .WithHttpEndpoint()
            .WithEndpoint(name: GarnetStoreResource.RespEndpointName, scheme: "tcp", env: "Store__Port")
            .WithHttpHealthCheck("/health");

    /// <summary>
    /// Gives <paramref name="builder"/>'s resource the store's connection string as <c>ConnectionStrings__&lt;store name&gt;</c>,
    /// the variable Aspire's <c>WithReference</c> sets for a resource with a connection string, and records the reference.
    /// </summary>
    /// <remarks>
    /// Aspire's own <c>WithReference</c> would publish the variable as <c>{store.connectionString}</c>, which a project in the
    /// manifest (<c>project.v0</c>) cannot declare; the expression itself, the store's RESP host and port, resolves both
    /// when run and in the manifest. Deployment steps find the store through the reference.
    /// </remarks>
    public static IResourceBuilder<TResource> WithReference<TResource>(this IResourceBuilder<TResource> builder, IResourceBuilder<GarnetStoreResource> store)
        where TResource : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        return builder
            .WithEnvironment($"ConnectionStrings__{store.Resource.Name}", store.Resource.ConnectionStringExpression)
            .WithReferenceRelationship(store.Resource);
    }
}
