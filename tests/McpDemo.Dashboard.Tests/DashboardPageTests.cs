using McpDemo.Testing;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace McpDemo.Dashboard.Tests;

/// <summary>
/// Real Chromium against a dashboard fed by the real OpenTelemetry exporter: each page shows the
/// data, links between pages work, and screenshots land in TestResults/screenshots for a human look.
/// </summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    private ChromiumPage _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _browser = await ChromiumPage.OpenAsync(TimeSpan.FromSeconds(15));
        _page = _browser.Page;
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ResourcesPage_ListsEveryReplica_WithStateEndpointsAndConsole()
    {
        await using var dashboard = await TestDashboard.StartAsync(DemoTelemetry.Resources());

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "resources").ToString());

        var rows = _page.Locator("#resources tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(rows.Filter(new() { HasText = "server-2" })).ToContainTextAsync("Running");
        await Assertions.Expect(rows.Filter(new() { HasText = "server-3" })).ToContainTextAsync("Starting");
        await Assertions.Expect(rows.Filter(new() { HasText = "client-1" })).ToContainTextAsync("exit code 0");
        await Assertions.Expect(_page.GetByRole(AriaRole.Link, new() { Name = "http://localhost:5102", Exact = true })).ToHaveAttributeAsync("href", "http://localhost:5102");
        await _page.Locator("#console-resource").SelectOptionAsync("server");
        await Assertions.Expect(_page.Locator("#console")).ToContainTextAsync("Now listening on: http://127.0.0.1:5101");
        await Assertions.Expect(_page.Locator("#console .err")).ToContainTextAsync("Replica restarted after crash");
        foreach (var name in new[] { "Resources", "Traces", "Logs", "Metrics" })
        {
            await Assertions.Expect(_page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveAttributeAsync("href", "/" + name.ToLowerInvariant());
        }
        await ScreenshotAsync("resources");
    }

    [Fact]
    public async Task TracesPage_ListsTheTrace_AndItsWaterfallShowsSpansFromThreeServices()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        var traceId = DemoTelemetry.Send(dashboard.OtlpUrl);

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "traces").ToString());
        var row = _page.Locator("#traces tbody tr").Filter(new() { HasText = "tools/call ping" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        foreach (var service in DemoTelemetry.Services)
        {
            await Assertions.Expect(row).ToContainTextAsync(service);
        }
        await ScreenshotAsync("traces");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex($"/traces/{traceId}$"));
        var spans = _page.Locator(".wf-row[data-span-id]");
        await Assertions.Expect(spans).ToHaveCountAsync(5);
        foreach (var service in DemoTelemetry.Services)
        {
            await Assertions.Expect(spans.Filter(new() { HasText = service }).First).ToBeVisibleAsync();
        }
        var bars = await _page.Locator(".wf-bar").EvaluateAllAsync<double[]>("bars => bars.map(b => b.getBoundingClientRect().width)");
        Assert.All(bars, width => Assert.True(width > 20, $"bar width {width}"));
        var offsets = await _page.Locator(".wf-bar").EvaluateAllAsync<double[]>("bars => bars.map(b => b.getBoundingClientRect().left)");
        Assert.Equal(offsets.Order(), offsets);

        await spans.Filter(new() { HasText = "tools/call ping" }).Last.ClickAsync();
        await Assertions.Expect(_page.Locator("#span-details")).ToContainTextAsync("mcp.session.id");
        await ScreenshotAsync("trace-waterfall");
    }

    [Fact]
    public async Task LogsPage_FiltersByLevelAndResource_AndLinksToTheTrace()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        var traceId = DemoTelemetry.Send(dashboard.OtlpUrl);

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "logs").ToString());
        var rows = _page.Locator("#logs tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await ScreenshotAsync("logs");

        await _page.Locator("#level-filter").SelectOptionAsync("Warning");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Slow tool call: 20 ms");
        await _page.Locator("#level-filter").SelectOptionAsync("");
        await _page.Locator("#service-filter").SelectOptionAsync("gateway");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await _page.Locator("#search").FillAsync("no such text");
        await Assertions.Expect(rows).ToContainTextAsync("No matching logs");

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "logs").ToString());
        await rows.Filter(new() { HasText = "Slow tool call" }).Locator("a.trace-link").ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex($"/traces/{traceId}$"));
        await _page.GetByRole(AriaRole.Link, new() { Name = "Logs for this trace" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(_page.Locator("#trace-filter")).ToContainTextAsync(traceId[..12]);
    }

    [Fact]
    public async Task MetricsPage_ChartsRequestRateLatencyPercentilesAndSessionsPerReplica()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        DemoTelemetry.Send(dashboard.OtlpUrl);

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "metrics").ToString());

        var charts = _page.Locator("figure.chart[data-metric]");
        await Assertions.Expect(charts).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(charts.Nth(i).Locator("svg path, svg circle").First).ToBeVisibleAsync();
        }
        await Assertions.Expect(charts.Nth(0).Locator(".legend")).ToContainTextAsync("server (server-2)");
        await Assertions.Expect(charts.Nth(1).Locator(".legend")).ToContainTextAsync("p99");
        await Assertions.Expect(charts.Nth(2).Locator(".legend")).ToContainTextAsync("server (server-1)");

        await _page.Locator("#metric-picker").SelectOptionAsync("http.server.request.duration");
        await Assertions.Expect(_page.Locator("#any-metric").Locator("svg path, svg circle").First).ToBeVisibleAsync();
        await ScreenshotAsync("metrics");
    }

    [Fact]
    public async Task MetricsPage_DrawsLinesOverTime_FromAFewMinutesOfHistory()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        dashboard.Telemetry.AddMetricPoints(MetricHistory.LastMinutes(4, ["server-1", "server-2", "server-3"]));

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "metrics").ToString());

        var charts = _page.Locator("figure.chart[data-metric]");
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(charts.Nth(i).Locator("svg path")).ToHaveCountAsync(3);
            var path = await charts.Nth(i).Locator("svg path").First.GetAttributeAsync("d");
            Assert.True(path!.Count(c => c == 'L') >= 20, $"chart {i} path: {path}");
        }
        await ScreenshotAsync("metrics-history");
    }

    [Fact]
    public async Task TracesPage_ShowsNewTraces_WithoutAReload()
    {
        await using var dashboard = await TestDashboard.StartAsync();
        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "traces").ToString());
        await Assertions.Expect(_page.Locator("#traces tbody")).ToContainTextAsync("No traces yet");

        DemoTelemetry.Send(dashboard.OtlpUrl, rootName: "tools/call late");

        await Assertions.Expect(_page.Locator("#traces tbody tr").Filter(new() { HasText = "tools/call late" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TracesPage_SaysWhereTelemetryGoes_WhenAnExternalEndpointIsConfigured()
    {
        await using var dashboard = await TestDashboard.StartAsync(options: new DashboardOptions { ExternalOtlpEndpoint = "http://collector.example:4318" });

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "traces").ToString());

        await Assertions.Expect(_page.Locator("#external-otlp")).ToContainTextAsync("http://collector.example:4318");
    }

    private Task ScreenshotAsync(string name) => _browser.ScreenshotAsync(name);
}
