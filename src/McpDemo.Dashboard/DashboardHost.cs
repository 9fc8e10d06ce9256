using McpDemo.Dashboard.Otlp;
using McpDemo.Dashboard.Resources;
using McpDemo.Dashboard.Telemetry;
using McpDemo.Dashboard.Web;

namespace McpDemo.Dashboard;

/// <summary>Starts the dashboard: an OTLP/HTTP receiver and a web UI over the telemetry it receives and the resources' state.</summary>
/// <example>
/// <code>
/// await using var dashboard = await DashboardHost.StartAsync(new DashboardOptions(), orchestrator);
/// // Give every service OTEL_EXPORTER_OTLP_ENDPOINT = dashboard.OtlpUrl, then browse dashboard.DashboardUrl.
/// </code>
/// </example>
public static class DashboardHost
{
    /// <summary>
    /// Starts the OTLP receiver on <see cref="DashboardOptions.OtlpUrl"/> and the web UI on
    /// <see cref="DashboardOptions.DashboardUrl"/>, both on loopback. Port 0 picks a free port;
    /// the returned <see cref="RunningDashboard"/> tells the actual URLs.
    /// </summary>
    /// <param name="options">Addresses, caps and chart settings.</param>
    /// <param name="resources">Supplies the Resources page, usually the orchestrator.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <exception cref="ArgumentException">A URL is not an http:// loopback URL.</exception>
    public static async Task<RunningDashboard> StartAsync(DashboardOptions options, IResourceStateSource resources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resources);
        var telemetry = new TelemetryStore(options.Limits);

        // The receiver enforces its own cap (also after gzip), so Kestrel's limit is lifted there.
        var otlp = LoopbackWebApplication.Create(options.OtlpUrl, maxRequestBodyBytes: null);
        otlp.MapOtlp(telemetry, options.MaxOtlpRequestBytes);
        var web = LoopbackWebApplication.Create(options.DashboardUrl);
        web.MapDashboard(telemetry, resources, options);

        await otlp.StartAsync(cancellationToken);
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch
        {
            await otlp.DisposeAsync();
            await web.DisposeAsync();
            throw;
        }
        return new RunningDashboard(
            web, LoopbackWebApplication.BoundUrl(web, options.DashboardUrl),
            otlp, LoopbackWebApplication.BoundUrl(otlp, options.OtlpUrl),
            telemetry);
    }
}
