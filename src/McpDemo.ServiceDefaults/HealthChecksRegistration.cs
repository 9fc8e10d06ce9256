using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace McpDemo.ServiceDefaults;

internal static class HealthChecksRegistration
{
    /// <summary>Checks with this tag decide liveness; every check decides readiness.</summary>
    public const string LiveTag = "live";

    public static void AddDefaultHealthChecks(this IHostApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddCheck<ApplicationLifetimeHealthCheck>("lifetime");
}
