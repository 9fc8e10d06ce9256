using System.Reflection;

namespace McpDemo.Hosting;

/// <summary>How the AppHost runs locally. The defaults are what a developer's <c>dotnet run</c> wants; tests tighten them.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>
    /// An OTLP endpoint of the user's own that services export to instead of the dashboard: by default the
    /// AppHost's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; null sends telemetry to the dashboard's receiver.
    /// </summary>
    public string? OtlpEndpoint { get; set; } =
        Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } configured ? configured : null;

    /// <summary>
    /// The dashboard web UI's loopback URL (port 0 picks a free port), or null to run without a dashboard. By
    /// default the first of the AppHost's <c>ASPNETCORE_URLS</c>, as an Aspire AppHost reads it, else port 18888.
    /// </summary>
    public string? DashboardUrl { get; set; } =
        Environment.GetEnvironmentVariable("ASPNETCORE_URLS")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "http://localhost:18888";

    /// <summary>
    /// The dashboard's OTLP/HTTP receiver's loopback URL (port 0 picks a free port). By default Aspire's
    /// <c>DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c>, else port 18890.
    /// </summary>
    public string DashboardOtlpUrl { get; set; } =
        Environment.GetEnvironmentVariable("DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL") is { Length: > 0 } otlpUrl ? otlpUrl : "http://localhost:18890";

    /// <summary>How long a replica has to exit after SIGTERM before its process tree is killed.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay before the first restart of a crashed replica; it doubles on each further crash.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between restarts.</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running replica's health check is repeated, so its health stays current.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a resource may take to become healthy before the wait is reported as failed.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Where the console (prefixed child output, summary) goes; null keeps the AppHost quiet, as tests want.</summary>
    public TextWriter? ConsoleOutput { get; set; } = System.Console.Out;

    /// <summary>Whether console output is colour-coded; off when redirected or when <c>NO_COLOR</c> is set.</summary>
    public bool UseColors { get; set; } =
        !System.Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The build configuration whose output <c>AddProject(name, path)</c> runs: by default the AppHost's own.</summary>
    public string ProjectConfiguration { get; set; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The folder relative project paths are resolved from.</summary>
    public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();
}
