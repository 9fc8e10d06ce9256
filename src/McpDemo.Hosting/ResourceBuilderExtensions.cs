using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>The declaration verbs, in Aspire's shape: <c>AddProject(...).WithReplicas(3).WithReference(x)</c>.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>The largest replica count a resource may ask for.</summary>
    public const int MaxReplicas = 64;

    /// <summary>Runs <paramref name="replicas"/> copies, each with its own port and <c>service.instance.id</c>.</summary>
    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas)
        where T : Resource
    {
        if (replicas is < 1 or > MaxReplicas)
        {
            throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}' asks for {replicas} replicas; use 1 to {MaxReplicas}.");
        }
        builder.Resource.Replicas = replicas;
        return builder;
    }

    /// <summary>Passes command-line arguments to every replica.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args)
        where T : Resource
    {
        builder.Resource.AddArgs(args);
        return builder;
    }

    /// <summary>Sets an environment variable on every replica.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : Resource
    {
        builder.Resource.SetEnvironment(name, value);
        return builder;
    }

    /// <summary>
    /// Sets an environment variable on every replica to <paramref name="parameter"/>'s value. Locally the
    /// variable is left unset when an optional parameter has no value; a publisher writes a reference to the
    /// parameter, so the secret itself never lands in published output.
    /// </summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : Resource
    {
        builder.Resource.SetEnvironment(name, parameter.Resource);
        return builder;
    }

    /// <summary>
    /// Gives each replica an HTTP endpoint, exposed to it as <c>ASPNETCORE_URLS</c>. Without
    /// <paramref name="port"/> every replica gets a free port; a fixed port allows one replica only.
    /// </summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http")
        where T : Resource
    {
        builder.Resource.AddEndpoint(new EndpointDefinition(name, "http", port));
        return builder;
    }

    /// <summary>Marks every HTTP endpoint as meant for callers outside the application.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder)
        where T : Resource
    {
        foreach (var endpoint in builder.Resource.Endpoints.Where(e => e.Scheme == "http"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    /// <summary>A replica counts as ready once GET <paramref name="path"/> on its HTTP endpoint answers 2xx.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : Resource
    {
        if (!path.StartsWith('/'))
        {
            throw new DistributedApplicationException($"Health check path '{path}' of resource '{builder.Resource.Name}' must start with '/'.");
        }
        builder.Resource.HealthCheck = new HttpHealthCheck(path, endpointName);
        return builder;
    }

    /// <summary>Tells every replica where <paramref name="source"/>'s replicas listen: <c>services__&lt;name&gt;__http__&lt;i&gt;</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> source)
        where T : Resource
    {
        builder.Resource.AddReference(source.Resource);
        return builder;
    }

    /// <summary>Starts this resource only once every replica of <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency)
        where T : Resource
    {
        builder.Resource.AddWaitFor(dependency.Resource);
        return builder;
    }
}
