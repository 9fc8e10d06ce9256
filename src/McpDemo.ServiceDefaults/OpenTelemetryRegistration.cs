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
    }

    // The SDK's own builders read environment variables only; this lets --OTEL_... and appsettings work too.
    private static TracerProviderBuilder ReadExporterSettingsFrom(this TracerProviderBuilder builder, IConfiguration configuration) =>
        builder.ConfigureServices(services => services.AddSingleton(configuration));

    private static MeterProviderBuilder ReadExporterSettingsFrom(this MeterProviderBuilder builder, IConfiguration configuration) =>
        builder.ConfigureServices(services => services.AddSingleton(configuration));
}
