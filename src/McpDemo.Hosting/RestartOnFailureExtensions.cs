using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace McpDemo.Hosting;

/// <summary>Adds restart on crash to resources, which DCP does not do: a process that dies stays "Exited".</summary>
public static class RestartOnFailureExtensions
{
    /// <summary>
    /// Starts the resource again when its process exits while nobody asked it to stop: at once the first time, then,
    /// while it keeps failing (within a minute of its last start), after a back-off that doubles from 1 s up to
    /// <paramref name="maxDelay"/> (30 s by default); and says so in the resource's log. Ctrl+C, and a stop from the
    /// dashboard or the CLI, never restart it.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnFailure<T>(this IResourceBuilder<T> builder, TimeSpan? maxDelay = null)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RestartOnFailureService>());
        }
        return builder.WithAnnotation(new RestartOnFailureAnnotation(maxDelay ?? TimeSpan.FromSeconds(30)));
    }

    /// <summary>Adds restart on crash to every replica of <paramref name="replicas"/>.</summary>
    public static ProjectReplicaSet WithRestartOnFailure(this ProjectReplicaSet replicas, TimeSpan? maxDelay = null)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        return replicas.WithEach(replica => replica.WithRestartOnFailure(maxDelay));
    }
}
