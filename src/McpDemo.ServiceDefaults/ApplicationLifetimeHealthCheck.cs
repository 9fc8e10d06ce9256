using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Ready only between "started" and "stopping", so a load balancer sends nothing before every hosted
/// service has started and drains a replica as soon as it begins to shut down.
/// </summary>
internal sealed class ApplicationLifetimeHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("The application is stopping.")
            : !lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Unhealthy("The application is starting.")
            : HealthCheckResult.Healthy());
}
