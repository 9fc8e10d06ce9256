using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Adds a project as a resource of a type of our own (the store, the issuer), which deployment steps recognise.</summary>
internal static class TypedProjectResourceExtensions
{
    /// <summary>
    /// Adds <paramref name="resource"/> as the project <typeparamref name="TProject"/>, with what <c>AddProject</c> gives its
    /// own <see cref="ProjectResource"/> (OpenTelemetry, launch profile, Kestrel endpoints), launched from the built output.
    /// </summary>
    public static IResourceBuilder<TResource> AddProjectResource<TResource, TProject>(this IDistributedApplicationBuilder builder, TResource resource)
        where TResource : ProjectResource
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        // ASPIREPROJECTS001: WithProjectDefaults applies AddProject's defaults to a project resource of another type; Aspire
        // documents it for exactly that, marked experimental in 13.6.
#pragma warning disable ASPIREPROJECTS001
        var project = builder.AddResource(resource)
            .WithAnnotation(new TProject())
            .WithProjectDefaults(new ProjectResourceOptions());
#pragma warning restore ASPIREPROJECTS001
        project.WithBuiltOutputLaunch();
        return project;
    }
}
