using McpDemo.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;

namespace McpDemo.Dashboard;

/// <summary>A started dashboard: its web UI, its OTLP receiver and the telemetry they share. Dispose to stop both.</summary>
public sealed class RunningDashboard : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly WebApplication _otlp;

    internal RunningDashboard(WebApplication web, Uri dashboardUrl, WebApplication otlp, Uri otlpUrl, TelemetryStore telemetry)
    {
        _web = web;
        _otlp = otlp;
        DashboardUrl = dashboardUrl;
        OtlpUrl = otlpUrl;
        Telemetry = telemetry;
    }

    /// <summary>The web UI's URL, with the actual port.</summary>
    public Uri DashboardUrl { get; }

    /// <summary>The OTLP/HTTP receiver's base URL, with the actual port: give it to services as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri OtlpUrl { get; }

    /// <summary>The telemetry received so far.</summary>
    public TelemetryStore Telemetry { get; }

    /// <summary>Stops the web UI and the receiver.</summary>
    public async ValueTask DisposeAsync()
    {
        await _otlp.DisposeAsync();
        await _web.DisposeAsync();
    }
}
