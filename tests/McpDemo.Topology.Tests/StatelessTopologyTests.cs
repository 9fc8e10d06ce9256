using System.Diagnostics;
using System.Net;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using McpDemo.Testing;

namespace McpDemo.Topology.Tests;

/// <summary>The default topology as the AppHost ships it: stateless servers, any replica answers any request.</summary>
public sealed class StatelessTopologyTests(StatelessAppHost appHost) : IClassFixture<StatelessAppHost>
{
    [Fact]
    public void EveryServerReplica_AndTheGateway_AreRunningAndHealthy()
    {
        foreach (var resource in RunningAppHost.Servers.Append("gateway"))
        {
            Assert.True(appHost.App.ResourceNotifications.TryGetCurrentState(resource, out var state), $"No resource {resource}.");
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }
    }

    [Fact]
    public async Task DemoClient_Finishes_WithItsPongLinesInItsLog()
    {
        var log = await appHost.SucceededClientLogAsync();

        var pongs = log.Where(line => line.Contains("pong! instance=", StringComparison.Ordinal)).ToList();
        Assert.True(pongs.Count >= 3, $"Expected the demo's pong lines in the client's log:\n{string.Join('\n', log)}");
    }

    [Fact]
    public async Task TypeScriptClient_ThroughGateway_ReachesEveryReplica_Within30Calls()
    {
        var result = await TypeScriptPeer.PingAsync(appHost.McpEndpoint, pings: 30);

        Assert.Null(result.SessionId);
        Assert.Equal(30, result.Pongs.Length);
        Assert.Equal(RunningAppHost.Servers, result.Pongs.Select(Pong.ReplicaOf).Distinct().Order());
    }

    [Fact]
    public async Task HostileHost_ThroughGateway_IsForbiddenByTheReplica()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, appHost.McpEndpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        // A DNS-rebinding page reaches the gateway under the attacker's name; the replica must see that name to refuse it.
        request.Headers.Host = "evil.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task KilledReplica_IsRestarted_SaysSoInItsLog_AndCallsWorkAgain()
    {
        using var timeout = new CancellationTokenSource(RunningAppHost.Patience);
        var app = appHost.App;
        var victim = await ReplicaProcess.OfAsync(app, "server-2", timeout.Token);

        Process.GetProcessById(victim.AppPid).Kill();
        var restarted = await ReplicaProcess.OfAsync(app, "server-2", timeout.Token, previous: victim);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("server-2", timeout.Token);

        Assert.NotEqual(victim.AppPid, restarted.AppPid);
        Assert.Contains(await appHost.App.LinesOfAsync("server-2"), line => line.Contains("exited unexpectedly", StringComparison.Ordinal) && line.Contains("restarting", StringComparison.Ordinal));
        // Every call succeeds meanwhile (the peer fails on any error). The gateway takes a replica that refused a
        // connection out for its reactivation period and back after a good probe, which can be later than the AppHost
        // sees it healthy: calls reach the restarted replica again within a few rounds, never by a fixed time.
        var answeredBy = new List<string>();
        while (!answeredBy.Contains("server-2") && !timeout.IsCancellationRequested)
        {
            answeredBy = [.. (await TypeScriptPeer.PingAsync(appHost.McpEndpoint, pings: 30)).Pongs.Select(Pong.ReplicaOf)];
        }
        Assert.Contains("server-2", answeredBy);
    }
}
