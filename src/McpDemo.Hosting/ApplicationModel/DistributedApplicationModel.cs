namespace McpDemo.Hosting.ApplicationModel;

/// <summary>The declared application: every resource, in declaration order.</summary>
public sealed class DistributedApplicationModel
{
    internal DistributedApplicationModel(IReadOnlyList<Resource> resources) => Resources = resources;

    /// <summary>The resources, in the order they were added.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>Finds a resource by name.</summary>
    public Resource this[string name] =>
        Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"The application has no resource named '{name}'.");
}
