using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace McpDemo.Dashboard.Web;

/// <summary>
/// The server-rendered page shells: header, navigation and the page's controls. Each page's script
/// then fills in the data from the JSON API and keeps it live.
/// </summary>
internal sealed class DashboardPages(DashboardOptions options)
{
    private static readonly string[] s_navigation = ["Resources", "Traces", "Logs", "Metrics"];

    public IResult Resources() => Page("Resources", "resources", """
        <h1>Resources</h1>
        <table class="grid" id="resources">
          <thead><tr><th>Resource</th><th>Type</th><th>Instance</th><th>State</th><th>Health</th><th>Restarts</th><th>Endpoints</th><th>Started</th></tr></thead>
          <tbody><tr><td colspan="8" class="empty">Loading…</td></tr></tbody>
        </table>
        <section class="panel">
          <div class="toolbar"><h2>Console</h2><label>Resource <select id="console-resource"></select></label></div>
          <pre id="console" class="console"></pre>
        </section>
        """);

    public IResult Traces()
    {
        var external = options.ExternalOtlpEndpoint is { Length: > 0 } endpoint
            ? $"""<p class="notice" id="external-otlp">Telemetry is exported to <code>{Encode(endpoint)}</code> (OTEL_EXPORTER_OTLP_ENDPOINT), not to this dashboard: look for traces there.</p>"""
            : "";
        return Page("Traces", "traces", $"""
            <h1>Traces</h1>
            {external}
            <div class="toolbar"><label>Service <select id="service-filter"><option value="">All services</option></select></label></div>
            <table class="grid" id="traces">
              <thead><tr><th>Started</th><th>Root</th><th>Services</th><th class="num">Spans</th><th class="num">Duration</th><th>Status</th></tr></thead>
              <tbody><tr><td colspan="6" class="empty">Loading…</td></tr></tbody>
            </table>
            """);
    }

    public IResult Trace(string traceId) => Page("Trace", "trace", $"""
        <p class="crumbs"><a href="/traces">Traces</a> / <code>{Encode(traceId)}</code></p>
        <h1 id="trace-title">Trace</h1>
        <p class="toolbar"><span id="trace-summary"></span><a class="button" href="/logs?traceId={Encode(traceId)}">Logs for this trace</a></p>
        <div id="waterfall" class="waterfall" data-trace-id="{Encode(traceId)}"><p class="empty">Loading…</p></div>
        <section id="span-details" class="panel"><p class="empty">Select a span to see its attributes.</p></section>
        """);

    public IResult Logs() => Page("Logs", "logs", """
        <h1>Logs</h1>
        <div class="toolbar">
          <label>Resource <select id="service-filter"><option value="">All resources</option></select></label>
          <label>Level <select id="level-filter">
            <option value="">All levels</option><option>Debug</option><option>Information</option><option>Warning</option><option>Error</option><option>Critical</option>
          </select></label>
          <label>Search <input id="search" type="search" placeholder="Text in message or attributes"></label>
          <span id="trace-filter"></span>
        </div>
        <table class="grid" id="logs">
          <thead><tr><th>Time</th><th>Level</th><th>Resource</th><th>Message</th><th>Trace</th></tr></thead>
          <tbody><tr><td colspan="5" class="empty">Loading…</td></tr></tbody>
        </table>
        """);

    public IResult Metrics() => Page("Metrics", "metrics", $"""
        <h1>Metrics</h1>
        <div class="toolbar"><label>Window <select id="window"><option value="5">5 minutes</option><option value="15">15 minutes</option><option value="60">1 hour</option></select></label></div>
        <div class="charts">
          <figure class="chart" data-metric="{Encode(options.RequestDurationMetric)}" data-view="Rate"><figcaption>Request rate per replica</figcaption><div class="plot"></div></figure>
          <figure class="chart" data-metric="{Encode(options.RequestDurationMetric)}" data-view="Percentiles"><figcaption>Request latency percentiles</figcaption><div class="plot"></div></figure>
          <figure class="chart" data-metric="{Encode(options.ActiveSessionsMetric)}"><figcaption>Active sessions per replica</figcaption><div class="plot"></div></figure>
          <figure class="chart" id="any-metric" data-view="Percentiles"><figcaption><select id="metric-picker"><option value="">Other instrument…</option></select></figcaption><div class="plot"></div></figure>
        </div>
        """);

    private IResult Page(string title, string script, string body)
    {
        var navigation = string.Concat(s_navigation.Select(name =>
            $"""<a href="/{name.ToLowerInvariant()}"{(title == name || (name == "Traces" && title == "Trace") ? " class=\"active\"" : "")}>{name}</a>"""));
        var application = Encode(options.ApplicationName);
        return Results.Content($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{title} · {application}</title>
              <link rel="stylesheet" href="/assets/dashboard.css">
            </head>
            <body>
              <header class="top">
                <a class="brand" href="/resources">{application}</a>
                <nav>{navigation}</nav>
                <span id="live" class="live" title="The page refreshes its data every two seconds">live</span>
              </header>
              <main>
            {body}
              </main>
              <script src="/assets/dashboard.js"></script>
              <script src="/assets/{script}.js"></script>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
