using System.Text.Json;
using System.Text.Json.Serialization;
using McpDemo.Dashboard.Resources;
using McpDemo.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace McpDemo.Dashboard.Web;

/// <summary>The dashboard's pages, its static assets and the JSON API the pages poll.</summary>
internal static class DashboardEndpoints
{
    private const int MaxConsoleLines = 2000;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapDashboard(this IEndpointRouteBuilder endpoints, TelemetryStore telemetry, IResourceStateSource resources, DashboardOptions options)
    {
        var pages = new DashboardPages(options);
        endpoints.MapGet("/", () => Results.Redirect("/resources"));
        endpoints.MapGet("/resources", pages.Resources);
        endpoints.MapGet("/traces", pages.Traces);
        endpoints.MapGet("/traces/{traceId}", pages.Trace);
        endpoints.MapGet("/logs", pages.Logs);
        endpoints.MapGet("/metrics", pages.Metrics);
        endpoints.MapGet("/assets/{name}", EmbeddedAssets.Serve);

        var api = endpoints.MapGroup("/api");
        api.MapGet("/resources", () => Json(resources.GetResources()));
        api.MapGet("/resources/{name}/console", (string name, int? lines) =>
            Json(resources.GetConsoleLines(name, Math.Clamp(lines ?? 500, 1, MaxConsoleLines))));
        api.MapGet("/services", () => Json(telemetry.GetServices()));
        api.MapGet("/traces", (string? service) => Json(telemetry.GetTraces(NullIfEmpty(service)).Select(t => new
        {
            t.TraceId,
            t.RootName,
            t.RootService,
            t.Services,
            t.StartTime,
            DurationMs = t.Duration.TotalMilliseconds,
            t.SpanCount,
            t.HasError,
        })));
        api.MapGet("/traces/{traceId}", (string traceId) =>
            TraceView.From(traceId, telemetry.GetTrace(traceId)) is { } trace ? Json(trace) : Results.NotFound());
        api.MapGet("/logs", (string? service, string? level, string? q, string? traceId) =>
            Enum.TryParse<LogLevel>(level, ignoreCase: true, out var minimum) || string.IsNullOrEmpty(level)
                ? Json(telemetry.GetLogs(new LogQuery
                {
                    Service = NullIfEmpty(service),
                    MinimumLevel = string.IsNullOrEmpty(level) ? null : minimum,
                    Text = NullIfEmpty(q),
                    TraceId = NullIfEmpty(traceId),
                }))
                : Results.BadRequest($"Unknown level '{level}'."));
        api.MapGet("/metrics", () => Json(telemetry.GetMetrics()));
        api.MapGet("/metrics/chart", (string name, MetricView? view, int? minutes, string? service) =>
            Json(telemetry.GetChart(name, view ?? MetricView.Rate, TimeSpan.FromMinutes(Math.Clamp(minutes ?? 5, 1, 24 * 60)), NullIfEmpty(service))));
    }

    private static IResult Json<T>(T value) => Results.Json(value, s_json);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
