using McpDemo.Dashboard.Telemetry;
using McpDemo.Hosting;
using McpDemo.Hosting.Orchestration;
using McpDemo.Testing;
using Microsoft.Playwright;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// The default McpDemo topology (3 stateless server replicas, the gateway, the demo client) run
/// in-process with the dashboard on free ports; real Chromium then reads what every service exported.
/// </summary>
public sealed class DashboardEndToEndTests : IAsyncLifetime
{
    private static readonly string[] s_services = ["client", "gateway", "server"];

    private ChromiumPage _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _browser = await ChromiumPage.OpenAsync(TimeSpan.FromSeconds(30));
        _page = _browser.Page;
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Dashboard_ShowsEveryResource_OnePingTraceAcrossClientGatewayAndServer_ItsLogs_AndCharts()
    {
        await using var app = BuildDefaultTopology();
        await app.StartAsync();
        using var patience = new CancellationTokenSource(TestTopology.Patience);
        await app.WaitForReplicaAsync("client-1", r => r.State is ReplicaState.Finished or ReplicaState.Restarting or ReplicaState.Failed, patience.Token);
        Assert.True(app.GetReplicas("client")[0].State == ReplicaState.Finished, string.Join('\n', app.GetOutput("client-1")));
        var dashboard = app.Dashboard!;
        var ping = await WaitForAsync(() => dashboard.Telemetry.GetTraces().FirstOrDefault(IsPingAcrossEveryService), "a tools/call ping trace with client, gateway and server spans", patience.Token);

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "resources").ToString());
        var rows = _page.Locator("#resources tbody tr");
        foreach (var replica in new[] { "server-1", "server-2", "server-3", "gateway-1", "client-1" })
        {
            await Assertions.Expect(rows.Filter(new() { HasText = replica })).ToHaveCountAsync(1);
        }
        await Assertions.Expect(rows.Filter(new() { HasText = "Running" })).ToHaveCountAsync(4);
        await ScreenshotAsync("apphost-resources");

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, $"traces/{ping.TraceId}").ToString());
        var spans = _page.Locator(".wf-row[data-span-id]");
        foreach (var service in s_services)
        {
            await Assertions.Expect(spans.Filter(new() { HasText = service }).First).ToBeVisibleAsync();
        }
        // ASP.NET Core's request spans are named as OpenTelemetry's HTTP conventions say, by method and route.
        await Assertions.Expect(spans.Filter(new() { HasText = "POST /mcp" }).First).ToBeVisibleAsync();
        var serverPing = spans.Filter(new() { HasText = "server" }).Filter(new() { HasText = "tools/call ping" }).First;
        await serverPing.ClickAsync();
        await Assertions.Expect(_page.Locator("#span-details")).ToContainTextAsync("mcp.method.name");
        await Assertions.Expect(_page.Locator("#span-details")).ToContainTextAsync("gen_ai.tool.name");
        await ScreenshotAsync("apphost-trace-waterfall");

        await WaitForAsync(() => dashboard.Telemetry.GetLogs(new LogQuery { TraceId = ping.TraceId }).FirstOrDefault(), "a log linked to the ping trace", patience.Token);
        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, $"logs?traceId={ping.TraceId}").ToString());
        await Assertions.Expect(_page.Locator("#logs tbody tr a.trace-link").First).ToBeVisibleAsync();
        await ScreenshotAsync("apphost-logs");

        await _page.GotoAsync(new Uri(dashboard.DashboardUrl, "metrics").ToString());
        var charts = _page.Locator("figure.chart[data-metric]");
        await Assertions.Expect(charts.First.Locator("svg path, svg circle").First).ToBeVisibleAsync();
        await Assertions.Expect(charts.Locator(".legend").Filter(new() { HasText = "server (server-" }).First).ToBeVisibleAsync();
        await ScreenshotAsync("apphost-metrics");
    }

    // The same three resources as src/McpDemo.AppHost/Program.cs, on free ports and with the dashboard on free ports.
    private static DistributedApplication BuildDefaultTopology()
    {
        var builder = TestTopology.CreateBuilder(o =>
        {
            o.DashboardUrl = "http://localhost:0";
            o.DashboardOtlpUrl = "http://localhost:0";
            o.OtlpEndpoint = null;
        });
        var server = builder.AddProject("server", Project("src/McpDemo.Server"))
            .WithReplicas(3)
            .WithArgs("--Mcp:SessionMode=Stateless")
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");
        var gateway = builder.AddProject("gateway", Project("src/McpDemo.Gateway"))
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithReference(server)
            .WaitFor(server);
        builder.AddProject("client", Project("src/McpDemo.Client"))
            .WithReference(gateway)
            .WaitFor(gateway);
        return builder.Build();
    }

    private static string Project(string directory)
    {
        RepoLayout.ProjectDll(directory);
        return Path.Combine(RepoLayout.Root, directory, Path.GetFileName(directory) + ".csproj");
    }

    private static bool IsPingAcrossEveryService(TraceSummary trace) =>
        trace.RootName.Contains("tools/call ping", StringComparison.Ordinal) && s_services.All(trace.Services.Contains);

    private static async Task<T> WaitForAsync<T>(Func<T?> find, string what, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }
            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The dashboard never received {what}.");
            }
        }
    }

    private Task ScreenshotAsync(string name) => _browser.ScreenshotAsync(name);
}
