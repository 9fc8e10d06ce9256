using System.Globalization;
using McpDemo.Testing;
using Microsoft.Playwright;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// The real Aspire dashboard of the real AppHost (started by Aspire.Hosting.Testing, signed in with the login URL
/// the AppHost prints), driven in Chromium: the resources are the store and the replicas by name, and the demo
/// client's <c>tools/call ping</c> is one trace across client, gateway and server.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(3);
    private string _dashboard = string.Empty;
    private string _login = string.Empty;
    private DistributedApplication? _app;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.McpDemo_AppHost>(
            ["--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture)],
            (options, _) => options.DisableDashboard = false,
            timeout.Token);
        builder.Configuration["ASPNETCORE_URLS"] = $"http://localhost:{FreePort.Next()}";
        builder.Configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}";
        builder.Configuration["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}";
        builder.Configuration["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        // The dashboard is a hidden resource of the app; its URL is the one the AppHost gave it.
        var dashboard = await _app.ResourceNotifications.WaitForResourceAsync("aspire-dashboard", e => !e.Snapshot.Urls.IsEmpty, timeout.Token);
        _login = dashboard.Snapshot.Urls.First(u => u.Name == "http").Url;
        _dashboard = new Uri(_login).GetLeftPart(UriPartial.Authority);
        await _app.ResourceNotifications.WaitForResourceAsync("client", e => e.Snapshot.State?.Text == "Finished" || e.Snapshot.ExitCode is not null, timeout.Token);
    }

    /// <summary>
    /// Also saves the screenshots the README shows, as <c>TestResults/screenshots/dashboard-resources.png</c> and
    /// <c>dashboard-traces.png</c> beside the test assembly.
    /// </summary>
    [Fact]
    public async Task Resources_ShowTheStoreAndServer1To3_AndTraces_ShowOnePingCall_AcrossClientGatewayAndServer()
    {
        await using var chromium = await ChromiumPage.OpenAsync(s_patience);
        var page = chromium.Page;
        // The login URL the console prints: its token sets the dashboard's auth cookie, and it lands on Resources.
        await page.GotoAsync(_login);
        foreach (var resource in (string[])["store", "server-1", "server-2", "server-3", "gateway", "client"])
        {
            await page.GetByText(resource, new() { Exact = true }).First.WaitForAsync();
        }
        await DismissCertificateBannerAsync(page);
        await chromium.ScreenshotAsync("dashboard-resources");

        // Blazor Server renders after the socket connects: wait for content, not for load events. Telemetry is batched,
        // so the trace may arrive a little after the client finished; reload until it is listed.
        var deadline = DateTime.UtcNow + s_patience;
        ILocator trace;
        while (true)
        {
            await page.GotoAsync($"{_dashboard}/traces?filters=");
            await Task.Delay(3000);
            // A row of the trace list names the trace and every resource that has a span in it.
            trace = page.Locator("tr, [role=row]").Filter(new() { HasText = "tools/call ping" })
                .Filter(new() { HasText = "client" }).Filter(new() { HasText = "gateway" }).Filter(new() { HasTextRegex = new("server-[123]") });
            if (await trace.CountAsync() > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(2000);
        }
        await DismissCertificateBannerAsync(page);
        await chromium.ScreenshotAsync("dashboard-traces");
        var traces = await page.InnerTextAsync("body");
        Assert.True(await trace.CountAsync() > 0, $"No tools/call ping trace through client, gateway and server:\n{traces}");
        // Replicas' telemetry carries the resource's name (service server, instance 2 is server-2).
        Assert.DoesNotContain("server-server-", traces, StringComparison.Ordinal);
        // Probes leave no traces: neither the gateways' health-check rounds nor the store health check's PING (which
        // would otherwise appear every 2 s, once per round, under the probe's trace id).
        Assert.DoesNotContain("proxy.cluster_health_checks", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("GET /health", traces, StringComparison.Ordinal);
        Assert.DoesNotContain(": PING", traces, StringComparison.Ordinal);
    }

    /// <summary>
    /// Closes the "No trusted development certificate" banner that a machine without a trusted dev certificate shows, so
    /// the screenshots show the dashboard as a developer with one sees it. The banner's close button is the last button
    /// of the innermost element holding its text.
    /// </summary>
    private static async Task DismissCertificateBannerAsync(IPage page)
    {
        const string Banner = "No trusted development certificate";
        const string Buttons = "button, fluent-button, [role=button]";
        var banner = page.Locator("div").Filter(new() { HasText = Banner, Has = page.Locator(Buttons) });
        if (await banner.CountAsync() == 0)
        {
            return;
        }
        await banner.Last.Locator(Buttons).Last.ClickAsync();
        try
        {
            await page.GetByText(Banner).First.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // A banner that stays only spoils the picture; what the test asserts does not depend on it.
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
