using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>A resource being declared; the <c>With*</c> extension methods shape it and return the builder for chaining.</summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IResourceBuilder<out T>
    where T : Resource
{
    /// <summary>The resource being declared.</summary>
    T Resource { get; }

    /// <summary>The application the resource belongs to.</summary>
    DistributedApplicationBuilder ApplicationBuilder { get; }
}
