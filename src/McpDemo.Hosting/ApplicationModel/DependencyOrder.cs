namespace McpDemo.Hosting.ApplicationModel;

/// <summary>Orders resources so that every resource comes after what it depends on.</summary>
public static class DependencyOrder
{
    /// <summary>
    /// Sorts <paramref name="resources"/> dependencies first, keeping declaration order where it is free.
    /// Throws <see cref="DistributedApplicationException"/> naming the cycle if there is one.
    /// </summary>
    public static IReadOnlyList<Resource> Sort(IReadOnlyList<Resource> resources)
    {
        var sorted = new List<Resource>(resources.Count);
        var visiting = new List<Resource>();
        foreach (var resource in resources)
        {
            Visit(resource, sorted, visiting);
        }
        return sorted;
    }

    /// <summary>The resources among <paramref name="resources"/> that depend directly on <paramref name="resource"/>.</summary>
    public static IEnumerable<Resource> DependentsOf(Resource resource, IEnumerable<Resource> resources) =>
        resources.Where(r => r.Dependencies.Contains(resource));

    private static void Visit(Resource resource, List<Resource> sorted, List<Resource> visiting)
    {
        if (sorted.Contains(resource))
        {
            return;
        }
        if (visiting.Contains(resource))
        {
            var cycle = visiting.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
            throw new DistributedApplicationException($"Resources depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
        }
        visiting.Add(resource);
        foreach (var dependency in resource.Dependencies)
        {
            Visit(dependency, sorted, visiting);
        }
        visiting.Remove(resource);
        sorted.Add(resource);
    }
}
