using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Traces, metrics and logs over OTLP, in the shape of Aspire's service defaults: OpenTelemetry.Extensions.Hosting
/// with the ASP.NET Core, HttpClient and runtime instrumentation, the MCP SDK's source and meter, and the OTLP
/// exporter reading the standard <c>OTEL_EXPORTER_OTLP_*</c> keys from configuration.
/// </summary>
internal static class OpenTelemetryRegistration
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard sampler setting; when set, the SDK's own reading of it applies.</summary>
    public const string SamplerKey = "OTEL_TRACES_SAMPLER";

    /// <summary>The share of the traces it starts that a service records when no sampler is configured.</summary>
    public const double DefaultSampleRatio = 0.1;

    public static void AddOpenTelemetryExport(this IHostApplicationBuilder builder, ServiceIdentity identity)
    {
        // Any scope-aware logger (the console one included) then carries the trace and span ids.
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            // Nothing listens, so instrumented code pays nothing: a replica without a collector keeps its throughput.
            return;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            // The identity already honours OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (an AppHost's per-replica id).
            .ConfigureResource(resource => resource.AddService(identity.ServiceName, serviceVersion: identity.Version,
                autoGenerateServiceInstanceId: false, serviceInstanceId: identity.InstanceId))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. McpDemoTelemetry.Meters]))
            .WithTracing(tracing => tracing
                .SampleByDefault(builder.Configuration)
                // Probes are not traced, served or sent (the gateway's active health checks, YARP's probe rounds
                // included): a load balancer polling every few seconds would drown real traffic.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = request =>
                    request.RequestUri is not { } uri || !IsProbe(new PathString(uri.AbsolutePath)))
                .AddSource([.. McpDemoTelemetry.ActivitySources])
                .AddProcessor<ProbeActivityFilter>())
            .UseOtlpExporter();
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsPaths.Health) || path.StartsWithSegments(ServiceDefaultsPaths.Alive);

    /// <summary>
    /// Without <c>OTEL_TRACES_SAMPLER</c>, records <see cref="DefaultSampleRatio"/> of the traces this service starts
    /// and follows the caller's decision for the rest, so a trace is kept or dropped whole. Recording every span
    /// costs a busy replica about a fifth of its throughput (eng/bench-telemetry.sh); a developer's AppHost sets
    /// <c>OTEL_TRACES_SAMPLER=always_on</c>, as Aspire's does, to see every one.
    /// </summary>
    private static TracerProviderBuilder SampleByDefault(this TracerProviderBuilder builder, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[SamplerKey])
            ? builder.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(DefaultSampleRatio)))
            : builder;
}
