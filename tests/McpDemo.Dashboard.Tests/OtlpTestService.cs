using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace McpDemo.Dashboard.Tests;

/// <summary>
/// One fake service that emits traces, logs and metrics through the real OpenTelemetry .NET SDK and
/// OTLP/HTTP protobuf exporter, as the McpDemo services do. Disposing it flushes every signal.
/// </summary>
internal sealed class OtlpTestService : IDisposable
{
    private readonly TracerProvider _tracerProvider;
    private readonly MeterProvider _meterProvider;
    private readonly ILoggerFactory _loggerFactory;

    public OtlpTestService(Uri otlpUrl, string serviceName, string instanceId)
    {
        // Names unique per instance, so parallel tests' providers never pick up each other's telemetry.
        var sourceName = $"McpDemo.Dashboard.Tests.{serviceName}.{Guid.NewGuid():N}";
        ActivitySource = new ActivitySource(sourceName);
        Meter = new Meter(sourceName);
        var resource = ResourceBuilder.CreateEmpty().AddService(serviceName, serviceInstanceId: instanceId);

        _tracerProvider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(sourceName)
            .AddOtlpExporter(o => Point(o, otlpUrl, "v1/traces"))
            .Build();
        _meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(sourceName)
            .AddOtlpExporter(o => Point(o, otlpUrl, "v1/metrics"))
            .Build();
        _loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Point(e, otlpUrl, "v1/logs"));
        }));
    }

    public ActivitySource ActivitySource { get; }

    public Meter Meter { get; }

    public ILogger CreateLogger(string category) => _loggerFactory.CreateLogger(category);

    public void Dispose()
    {
        _tracerProvider.Dispose();
        _meterProvider.Dispose();
        _loggerFactory.Dispose();
        ActivitySource.Dispose();
        Meter.Dispose();
    }

    private static void Point(OtlpExporterOptions options, Uri otlpUrl, string signalPath)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(otlpUrl, signalPath);
    }
}
