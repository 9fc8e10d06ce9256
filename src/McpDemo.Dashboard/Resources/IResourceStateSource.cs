namespace McpDemo.Dashboard.Resources;

/// <summary>
/// What the Resources page shows, supplied by the orchestrator that runs the resources. The
/// dashboard polls it from request threads, so implementations must be thread-safe and cheap:
/// return snapshots, never live collections.
/// </summary>
public interface IResourceStateSource
{
    /// <summary>Every resource, in the order the page should list them, with its replicas' current state.</summary>
    IReadOnlyList<ResourceSnapshot> GetResources();

    /// <summary>
    /// The last <paramref name="maxLines"/> console lines of one resource (all its replicas
    /// interleaved, oldest first); empty for an unknown resource.
    /// </summary>
    IReadOnlyList<ConsoleLine> GetConsoleLines(string resourceName, int maxLines);
}
