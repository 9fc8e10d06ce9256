using System.Collections.Concurrent;
using McpDemo.Hosting;
using McpDemo.Hosting.Orchestration;

namespace McpDemo.AppHost.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task WaitFor_StartsDependent_OnlyAfterDependencyIsHealthy()
    {
        var builder = TestTopology.CreateBuilder();
        var slow = builder.AddProject("slow", TestTopology.ServiceProject)
            .WithArgs("--health-delay-ms", "2000")
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");
        builder.AddProject("dependent", TestTopology.ServiceProject)
            .WithHttpEndpoint()
            .WithReference(slow)
            .WaitFor(slow);
        await using var app = builder.Build();
        var events = new ConcurrentQueue<string>();
        app.ReplicaChanged += s => events.Enqueue($"{s.ReplicaId}:{s.State}");

        await app.StartAsync();

        var order = events.ToList();
        Assert.True(
            order.IndexOf("slow-1:Running") < order.IndexOf("dependent-1:Starting"),
            $"dependent started before slow was healthy: {string.Join(", ", order)}");
        // The dependent's first call to its reference finds it healthy (it answers 503 while starting).
        await TestTopology.WaitForOutputAsync(app, "dependent-1", "reference services__slow__http__0 answered 200");
    }

    [Fact]
    public async Task Replicas_GetTheAspireEnvironmentContract_WithDistinctInstanceIdsAndPorts()
    {
        var builder = TestTopology.CreateBuilder(o => o.OtlpEndpoint = "http://localhost:4999");
        var service = builder.AddProject("svc", TestTopology.ServiceProject)
            .WithReplicas(3)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithEnvironment("EXTRA_SETTING", "on");
        builder.AddProject("caller", TestTopology.ServiceProject)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithReference(service);
        await using var app = builder.Build();

        await app.StartAsync();

        var replicas = app.GetReplicas("svc");
        Assert.Equal(["svc-1", "svc-2", "svc-3"], replicas.Select(r => r.ReplicaId));
        var reports = new List<ServiceReport>();
        foreach (var replica in replicas)
        {
            var report = await TestTopology.GetReportAsync(replica.Url!);
            reports.Add(report);
            var env = report.Environment;
            Assert.Equal(replica.ProcessId, report.Pid);
            Assert.Equal("http://localhost:4999", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.Equal("svc", env["OTEL_SERVICE_NAME"]);
            Assert.Equal($"service.instance.id={replica.ReplicaId}", env["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.Equal(replica.Url!.ToString().TrimEnd('/'), env["ASPNETCORE_URLS"]);
            Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), env["MCPDEMO_PARENT_PID"]);
            Assert.DoesNotContain(env.Keys, k => k.StartsWith("services__", StringComparison.Ordinal));
        }
        Assert.Equal(3, reports.Select(r => r.Environment["ASPNETCORE_URLS"]).Distinct().Count());
        Assert.Equal(3, reports.Select(r => r.Pid).Distinct().Count());

        var caller = await TestTopology.GetReportAsync(app.GetEndpoint("caller"));
        var services = caller.Environment.Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal)).OrderBy(e => e.Key).ToList();
        Assert.Equal(["services__svc__http__0", "services__svc__http__1", "services__svc__http__2"], services.Select(e => e.Key));
        Assert.Equal(replicas.Select(r => r.Url!.ToString().TrimEnd('/')), services.Select(e => e.Value));
        Assert.Equal("service.instance.id=caller-1", caller.Environment["OTEL_RESOURCE_ATTRIBUTES"]);
    }

    [Fact]
    public async Task OneShotResource_ExitingWithZero_IsFinished_AndNotRestarted()
    {
        var builder = TestTopology.CreateBuilder();
        builder.AddProject("job", TestTopology.ServiceProject).WithArgs("--exit-after-ms", "100");
        await using var app = builder.Build();

        await app.StartAsync();

        var job = await app.WaitForReplicaAsync("job-1", r => r.State == ReplicaState.Finished).WaitAsync(TestTopology.Patience);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(0, job.RestartCount);
        Assert.Contains("job-1 one-shot job running", app.GetOutput("job-1"));
    }

    [Fact]
    public async Task FixedPortInUse_FailsStart_NamingThePortAndItsHolder()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var builder = TestTopology.CreateBuilder();
        builder.AddProject("web", TestTopology.ServiceProject).WithHttpEndpoint(port);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains($"Port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Empty(app.Replicas);
    }
}
