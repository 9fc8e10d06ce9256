using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Traces, metrics and logs over OTLP, built from the core SDK alone (OpenTelemetry.Extensions.Hosting
/// does not restore here). The exporters read the standard <c>OTEL_EXPORTER_OTLP_*</c> keys.
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
            // Nothing listens, so instrumented code pays nothing.
            return;
        }

        var configuration = builder.Configuration;
        void DescribeService(ResourceBuilder resource) => resource
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector()
            // Last, so it wins: the identity already honours OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
            .AddService(identity.ServiceName, serviceVersion: identity.Version,
                autoGenerateServiceInstanceId: false, serviceInstanceId: identity.InstanceId);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            var resource = ResourceBuilder.CreateEmpty();
            DescribeService(resource);
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddOtlpExporter();
        });

        // Singletons built by the container, so the container flushes and disposes them on shutdown.
        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .ReadExporterSettingsFrom(configuration)
            .SampleByDefault(configuration)
            .ConfigureResource(DescribeService)
            .AddSource([.. McpDemoTelemetry.ActivitySources])
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .ReadExporterSettingsFrom(configuration)
            .ConfigureResource(DescribeService)
            .AddMeter([.. McpDemoTelemetry.Meters])
            .AddOtlpExporter()
            .Build());
        builder.Services.AddHostedService<TelemetryProvidersActivator>();
        builder.Services.AddSingleton<IStartupFilter, HttpServerSpans>();
    }

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

    // The SDK's own builders read environment variables only; this lets --OTEL_... and appsettings work too.
    private static TracerProviderBuilder ReadExporterSettingsFrom(this TracerProviderBuilder builder, IConfiguration configuration) =>
        builder.ConfigureServices(services => services.AddSingleton(configuration));

    private static MeterProviderBuilder ReadExporterSettingsFrom(this MeterProviderBuilder builder, IConfiguration configuration) =>
        builder.ConfigureServices(services => services.AddSingleton(configuration));
}
