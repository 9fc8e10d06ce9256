using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Marks a resource that <see cref="RestartOnFailureService"/> starts again when its process dies unexpectedly.</summary>
/// <param name="maxDelay">The longest wait between restarts of a resource that keeps failing.</param>
public sealed class RestartOnFailureAnnotation(TimeSpan maxDelay) : IResourceAnnotation
{
    /// <summary>The longest wait between restarts of a resource that keeps failing.</summary>
    public TimeSpan MaxDelay { get; } = maxDelay;
}
