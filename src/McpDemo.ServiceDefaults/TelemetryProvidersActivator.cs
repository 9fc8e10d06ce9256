using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Makes the container build the tracer and meter providers as the host starts. The container builds
/// singletons lazily and nothing else asks for these, so without this they would never listen.
/// </summary>
internal sealed class TelemetryProvidersActivator : IHostedService
{
    // Being constructed with the providers is this type's whole job.
    public TelemetryProvidersActivator(TracerProvider tracing, MeterProvider metrics)
    {
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
