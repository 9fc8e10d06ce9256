using McpDemo.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every McpDemo service shares, in one call: telemetry, health checks, its identity and service discovery.
/// A web host nobody told where to listen listens on loopback only: that is Kestrel's own default
/// (<c>http://localhost:5000</c>), and <c>--urls</c>, <c>ASPNETCORE_URLS</c> or a port setting replace it.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The path of the readiness endpoint: 200 once the app has started and every health check passes.</summary>
    public const string HealthPath = ServiceDefaultsPaths.Health;

    /// <summary>The path of the liveness endpoint: 200 while the process can serve requests at all.</summary>
    public const string AlivePath = ServiceDefaultsPaths.Alive;

    /// <summary>
    /// Adds the service defaults to a web or console host:
    /// <list type="bullet">
    /// <item>a <see cref="ServiceIdentity"/> singleton (service name, instance id, version);</item>
    /// <item>OpenTelemetry traces, metrics and logs exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
    /// without health probes (served or sent);</item>
    /// <item>health checks for <see cref="MapDefaultEndpoints"/>;</item>
    /// <item>service discovery (<c>services__&lt;name&gt;__http__&lt;i&gt;</c>) and the standard resilience handler on
    /// every <see cref="System.Net.Http.IHttpClientFactory"/> client;</item>
    /// </list>
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var identity = ServiceIdentity.FromConfiguration(builder.Configuration, builder.Environment.ApplicationName);
        builder.Services.AddSingleton(identity);
        builder.AddOpenTelemetryExport(identity);
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// Maps <see cref="HealthPath"/> (readiness: every check) and <see cref="AlivePath"/> (liveness: checks
    /// tagged <c>live</c>). The tracing set up by <see cref="AddServiceDefaults"/> leaves both out.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthChecksRegistration.LiveTag) });
        return app;
    }
}
