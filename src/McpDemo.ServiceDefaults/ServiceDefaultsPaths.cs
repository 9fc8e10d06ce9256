namespace McpDemo.ServiceDefaults;

/// <summary>The paths of the health endpoints <c>MapDefaultEndpoints</c> maps.</summary>
internal static class ServiceDefaultsPaths
{
    /// <summary>Readiness: 200 once the app has started and every health check passes.</summary>
    public const string Health = "/health";

    /// <summary>Liveness: 200 while the process can serve requests at all.</summary>
    public const string Alive = "/alive";
}
