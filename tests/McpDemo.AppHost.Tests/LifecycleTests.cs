using System.Diagnostics;
using System.Globalization;
using McpDemo.Hosting;
using McpDemo.Hosting.Orchestration;

namespace McpDemo.AppHost.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task KilledReplica_IsRestartedOnItsPort_WithDoublingBackoff()
    {
        var builder = TestTopology.CreateBuilder(o => o.RestartDelay = TimeSpan.FromMilliseconds(400));
        builder.AddProject("svc", TestTopology.ServiceProject).WithReplicas(2).WithHttpEndpoint().WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync();
        var untouched = app.GetReplicas("svc")[0];

        var firstRestart = await KillAndAwaitRestartAsync(app, "svc-2", restartNumber: 1);
        var secondRestart = await KillAndAwaitRestartAsync(app, "svc-2", restartNumber: 2);

        Assert.Equal(137, firstRestart.ExitCode);
        Assert.Equal(TimeSpan.FromMilliseconds(400), firstRestart.RestartDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(800), secondRestart.RestartDelay);
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(new Uri(secondRestart.Url!, "/health"))).IsSuccessStatusCode);
        Assert.Equal(secondRestart.ProcessId, (await TestTopology.GetReportAsync(secondRestart.Url!)).Pid);
        Assert.Equal(untouched with { }, app.GetReplicas("svc")[0]);
    }

    [Fact]
    public async Task Stop_StopsGracefullyInReverseDependencyOrder_AndLeavesNoOrphans()
    {
        var stopLog = Path.GetTempFileName();
        try
        {
            var builder = TestTopology.CreateBuilder();
            var backend = builder.AddProject("backend", TestTopology.ServiceProject)
                .WithReplicas(2)
                .WithArgs("--stop-log", stopLog, "--spawn-grandchild", "true")
                .WithHttpEndpoint()
                .WithHttpHealthCheck("/health");
            var middle = builder.AddProject("middle", TestTopology.ServiceProject)
                .WithArgs("--stop-log", stopLog)
                .WithHttpEndpoint()
                .WithHttpHealthCheck("/health")
                .WithReference(backend)
                .WaitFor(backend);
            // Every resource has a health check, so each is past start-up (its SIGTERM handler in place) before the stop.
            builder.AddProject("front", TestTopology.ServiceProject)
                .WithArgs("--stop-log", stopLog)
                .WithHttpEndpoint()
                .WithHttpHealthCheck("/health")
                .WithReference(middle)
                .WaitFor(middle);
            await using var app = builder.Build();
            var stopEvents = new System.Collections.Concurrent.ConcurrentQueue<string>();
            app.ReplicaChanged += r => { if (r.State == ReplicaState.Stopped) stopEvents.Enqueue(r.ReplicaId); };
            await app.StartAsync();
            var pids = app.Replicas.Select(r => r.ProcessId!.Value).ToList();
            var grandchildLine = await TestTopology.WaitForOutputAsync(app, "backend-1", "grandchild pid ");
            var grandchild = int.Parse(grandchildLine.Split(' ').Last(), CultureInfo.InvariantCulture);
            Assert.True(ProcessTree.IsAlive(grandchild));

            await app.StopAsync();

            // Each line is written by the service's own shutdown handler: proof it got SIGTERM, not SIGKILL.
            var stopped = await File.ReadAllLinesAsync(stopLog);
            Assert.Equal(["front-1", "middle-1"], stopped.Take(2));
            Assert.Equal(["backend-1", "backend-2"], stopped.Skip(2).Order());
            Assert.All(app.Replicas, r => Assert.Equal(ReplicaState.Stopped, r.State));
            Assert.Equal(["backend-1", "backend-2", "front-1", "middle-1"], stopEvents.Order());
            Assert.DoesNotContain(pids.Append(grandchild), ProcessTree.IsAlive);
        }
        finally
        {
            File.Delete(stopLog);
        }
    }

    private static async Task<ReplicaSnapshot> KillAndAwaitRestartAsync(DistributedApplication app, string replicaId, int restartNumber)
    {
        var victim = app.Replicas.Single(r => r.ReplicaId == replicaId);
        using (var process = Process.GetProcessById(victim.ProcessId!.Value))
        {
            process.Kill();
        }
        var restarted = await app.WaitForReplicaAsync(replicaId, r => r.State == ReplicaState.Running && r.RestartCount == restartNumber)
            .WaitAsync(TestTopology.Patience);
        Assert.NotEqual(victim.ProcessId, restarted.ProcessId);
        Assert.Equal(victim.Url, restarted.Url);
        return restarted;
    }
}
