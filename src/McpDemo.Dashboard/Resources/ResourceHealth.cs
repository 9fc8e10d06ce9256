namespace McpDemo.Dashboard.Resources;

/// <summary>The health of a replica as its health check last reported it.</summary>
public enum ResourceHealth
{
    /// <summary>Not checked yet, or the resource has no health check.</summary>
    Unknown,

    /// <summary>The health check passed.</summary>
    Healthy,

    /// <summary>The health check failed.</summary>
    Unhealthy,
}
