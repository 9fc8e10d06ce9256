using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using McpDemo.Dashboard.Resources;
using McpDemo.Hosting;

namespace McpDemo.AppHost.Tests;

public sealed class DashboardTests
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Dashboard_StartsBeforeTheResources_AndShowsTheirReplicasAndConsole()
    {
        var builder = TestTopology.CreateBuilder(o =>
        {
            o.DashboardUrl = "http://localhost:0";
            o.DashboardOtlpUrl = "http://localhost:0";
            o.OtlpEndpoint = null;
        });
        builder.AddProject("svc", TestTopology.ServiceProject)
            .WithReplicas(2)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");
        await using var app = builder.Build();

        await app.StartAsync();

        Assert.NotNull(app.Dashboard);
        var otlp = app.Dashboard.OtlpUrl.ToString().TrimEnd('/');
        Assert.Equal(otlp, app.OtlpEndpoint);
        var env = (await TestTopology.GetReportAsync(app.GetEndpoint("svc"))).Environment;
        Assert.Equal(otlp, env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("2000", env["OTEL_METRIC_EXPORT_INTERVAL"]);
        Assert.Equal("1000", env["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", env["OTEL_BLRP_SCHEDULE_DELAY"]);
        Assert.Equal("always_on", env["OTEL_TRACES_SAMPLER"]);

        using var http = new HttpClient { BaseAddress = app.Dashboard.DashboardUrl };
        var resources = await http.GetFromJsonAsync<List<ResourceSnapshot>>("/api/resources", s_json);
        var svc = Assert.Single(resources!);
        Assert.Equal(("svc", "Project"), (svc.Name, svc.Type));
        Assert.Equal(["svc-1", "svc-2"], svc.Replicas.Select(r => r.InstanceId));
        foreach (var (replica, snapshot) in svc.Replicas.Zip(app.GetReplicas("svc")))
        {
            Assert.Equal(("Running", ResourceHealth.Healthy), (replica.State, replica.Health));
            Assert.Equal(snapshot.ProcessId, replica.ProcessId);
            Assert.Equal([snapshot.Url!.ToString().TrimEnd('/')], replica.Endpoints);
            Assert.NotNull(replica.StartedAt);
        }

        var expected = app.GetOutput("svc-2")[0];
        var console = await http.GetFromJsonAsync<List<ConsoleLine>>("/api/resources/svc/console", s_json);
        Assert.Contains(console!, l => l.InstanceId == "svc-2" && l.Text == expected);
    }

    [Fact]
    public async Task Services_ExportToTheUsersOwnEndpoint_AndTheDashboardSaysSo()
    {
        var builder = TestTopology.CreateBuilder(o =>
        {
            o.DashboardUrl = "http://localhost:0";
            o.DashboardOtlpUrl = "http://localhost:0";
            o.OtlpEndpoint = "http://localhost:4999";
        });
        builder.AddProject("svc", TestTopology.ServiceProject).WithHttpEndpoint().WithHttpHealthCheck("/health");
        await using var app = builder.Build();

        await app.StartAsync();

        var env = (await TestTopology.GetReportAsync(app.GetEndpoint("svc"))).Environment;
        Assert.Equal("http://localhost:4999", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        using var http = new HttpClient { BaseAddress = app.Dashboard!.DashboardUrl };
        Assert.Contains("http://localhost:4999", await http.GetStringAsync("/traces"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningReplica_FailingItsHealthCheck_ShowsUnhealthy_ThenHealthyAgain_WithoutARestart()
    {
        var builder = TestTopology.CreateBuilder(o =>
        {
            o.DashboardUrl = "http://localhost:0";
            o.DashboardOtlpUrl = "http://localhost:0";
            o.HealthCheckInterval = TimeSpan.FromMilliseconds(200);
        });
        builder.AddProject("svc", TestTopology.ServiceProject).WithHttpEndpoint().WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync();
        var replica = Assert.Single(app.GetReplicas("svc"));
        using var service = new HttpClient { BaseAddress = replica.Url };
        using var dashboard = new HttpClient { BaseAddress = app.Dashboard!.DashboardUrl };

        (await service.PostAsync("/health/fail", content: null)).EnsureSuccessStatusCode();
        var failing = await WaitForReplicaAsync(dashboard, r => r.Health == ResourceHealth.Unhealthy);
        Assert.Equal(("Running", replica.ProcessId, 0), (failing.State, failing.ProcessId, failing.Restarts));
        Assert.False(app.GetReplicas("svc")[0].Healthy);

        (await service.PostAsync("/health/pass", content: null)).EnsureSuccessStatusCode();
        var passing = await WaitForReplicaAsync(dashboard, r => r.Health == ResourceHealth.Healthy);
        Assert.Equal(("Running", replica.ProcessId), (passing.State, passing.ProcessId));
    }

    /// <summary>Polls the dashboard's resources API until the only replica matches <paramref name="condition"/>.</summary>
    private static async Task<ReplicaSnapshot> WaitForReplicaAsync(HttpClient dashboard, Func<ReplicaSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + TestTopology.Patience;
        while (true)
        {
            var resources = await dashboard.GetFromJsonAsync<List<ResourceSnapshot>>("/api/resources", s_json);
            var replica = Assert.Single(Assert.Single(resources!).Replicas);
            if (condition(replica))
            {
                return replica;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The dashboard still shows {replica.State}, {replica.Health}.");
            await Task.Delay(100);
        }
    }
}
