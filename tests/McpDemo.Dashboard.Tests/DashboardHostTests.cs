using System.Net;
using McpDemo.Testing;

namespace McpDemo.Dashboard.Tests;

public sealed class DashboardHostTests
{
    [Theory]
    [InlineData("http://0.0.0.0:{0}")]
    [InlineData("http://192.0.2.10:{0}")]
    [InlineData("https://localhost:{0}")]
    [InlineData("not a url")]
    public async Task StartAsync_RefusesAnythingButHttpOnLoopback(string url)
    {
        var options = new DashboardOptions { DashboardUrl = string.Format(url, FreePort.Next()), OtlpUrl = $"http://127.0.0.1:{FreePort.Next()}" };

        await Assert.ThrowsAsync<ArgumentException>(() => DashboardHost.StartAsync(options, new InMemoryResourceStateSource()));
    }

    [Fact]
    public async Task StartAsync_OnPortZero_ReportsTheActualPorts()
    {
        await using var dashboard = await DashboardHost.StartAsync(
            new DashboardOptions { DashboardUrl = "http://127.0.0.1:0", OtlpUrl = "http://127.0.0.1:0" },
            new InMemoryResourceStateSource());
        using var http = new HttpClient();

        Assert.NotEqual(0, dashboard.DashboardUrl.Port);
        Assert.NotEqual(0, dashboard.OtlpUrl.Port);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(dashboard.DashboardUrl, "resources"))).StatusCode);
    }

    [Fact]
    public async Task StartAsync_OnLocalhost_ServesOnTheLoopbackAddress()
    {
        await using var dashboard = await DashboardHost.StartAsync(
            new DashboardOptions { DashboardUrl = $"http://localhost:{FreePort.Next()}", OtlpUrl = $"http://localhost:{FreePort.Next()}" },
            new InMemoryResourceStateSource());
        using var http = new HttpClient();

        Assert.Equal("localhost", dashboard.DashboardUrl.Host);
        using var response = await http.GetAsync($"http://127.0.0.1:{dashboard.DashboardUrl.Port}/resources");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("resources")]
    [InlineData("traces")]
    [InlineData("traces/0af7651916cd43dd8448eb211c80319c")]
    [InlineData("logs")]
    [InlineData("metrics")]
    public async Task EveryPage_IsHtml_WithTheFourNavigationLinks(string path)
    {
        await using var dashboard = await TestDashboard.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(dashboard.DashboardUrl, path));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var name in new[] { "Resources", "Traces", "Logs", "Metrics" })
        {
            Assert.Contains($">{name}</a>", html);
        }
    }

    [Theory]
    [InlineData("api/traces/0af7651916cd43dd8448eb211c80319c", HttpStatusCode.NotFound)]
    [InlineData("api/logs?level=loud", HttpStatusCode.BadRequest)]
    [InlineData("api/metrics/chart?name=x&view=pie", HttpStatusCode.BadRequest)]
    [InlineData("api/metrics/chart", HttpStatusCode.BadRequest)]
    [InlineData("assets/secrets.txt", HttpStatusCode.NotFound)]
    [InlineData("assets/..%2FMcpDemo.Dashboard.dll", HttpStatusCode.NotFound)]
    public async Task BadApiRequests_GetA4xx(string path, HttpStatusCode expected)
    {
        await using var dashboard = await TestDashboard.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(dashboard.DashboardUrl, path));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ResourcesApi_ReturnsTheSourcesSnapshots_AndConsoleLines()
    {
        await using var dashboard = await TestDashboard.StartAsync(DemoTelemetry.Resources());
        using var http = new HttpClient();

        var resources = await http.GetStringAsync(new Uri(dashboard.DashboardUrl, "api/resources"));
        var console = await http.GetStringAsync(new Uri(dashboard.DashboardUrl, "api/resources/server/console?lines=1"));

        Assert.Contains("\"instanceId\":\"server-3\"", resources);
        Assert.Contains("\"health\":\"Healthy\"", resources);
        Assert.Contains("Replica restarted after crash", console);
        Assert.DoesNotContain("Now listening", console);
    }
}
