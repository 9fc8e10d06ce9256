using System.Diagnostics;
using System.Net;
using System.Text;
using McpDemo.Hosting.Orchestration;

namespace McpDemo.Topology.Tests;

/// <summary>A server replica killed with SIGKILL behind the gateway: clients keep working, and the orchestrator brings it back.</summary>
public sealed class ReplicaFailureTests
{
    private const string Victim = "server-2";

    [Fact]
    public async Task KilledReplica_NewSessionsKeepWorking_OrphanedSessionGets404_AndReplicaIsRestarted()
    {
        await using var topology = await McpTopology.StartAsync<Projects.McpDemo_Server>("Stateful");
        await using var orphan = await ConnectUntilOnAsync(topology, Victim);
        var victim = topology.App.GetReplicas("server").Single(r => r.ReplicaId == Victim);

        using (var process = Process.GetProcessById(victim.ProcessId!.Value))
        {
            process.Kill();
        }

        // The first new sessions after the kill are the ones a failover gap would break; none may fail.
        var replicasAfterKill = new List<string>();
        for (var session = 0; session < 6; session++)
        {
            replicasAfterKill.Add(await PingInNewSessionAsync(topology));
        }
        Assert.DoesNotContain(Victim, replicasAfterKill);

        // A session of the dead replica is unknown wherever it lands now: 404, so the client re-initializes; never a 5xx.
        Assert.Equal(HttpStatusCode.NotFound, await PostPingAsync(topology.McpEndpoint, orphan.SessionId!));

        var restarted = await topology.App.WaitForReplicaAsync(Victim, r => r.State == ReplicaState.Running && r.RestartCount == 1)
            .WaitAsync(McpTopology.Patience);
        Assert.NotEqual(victim.ProcessId, restarted.ProcessId);
        Assert.Equal(137, restarted.ExitCode);
        Assert.Equal(victim.Url, restarted.Url);

        // Once the gateway sees the replica healthy again, new sessions reach it.
        await using var back = await ConnectUntilOnAsync(topology, Victim);
    }

    private static async Task<string> PingInNewSessionAsync(McpTopology topology)
    {
        await using var client = await SessionClient.ConnectAsync(topology.McpEndpoint, withCookieJar: false);
        return await client.PingAsync();
    }

    /// <summary>
    /// Opens sessions until one lands on <paramref name="replicaId"/>. Bounded, so a replica the gateway never
    /// sends traffic to again fails the test; the bound covers the gateway's health-check and reactivation periods.
    /// </summary>
    private static async Task<SessionClient> ConnectUntilOnAsync(McpTopology topology, string replicaId)
    {
        var seen = new List<string>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var client = await SessionClient.ConnectAsync(topology.McpEndpoint, withCookieJar: false);
            var answeredBy = await client.PingAsync();
            if (answeredBy == replicaId)
            {
                return client;
            }
            seen.Add(answeredBy);
            await client.DisposeAsync();
            await Task.Delay(200);
        }
        throw new TimeoutException($"No new session reached {replicaId}; they went to {string.Join(", ", seen)}.\n{topology.Output}");
    }

    private static async Task<HttpStatusCode> PostPingAsync(Uri endpoint, string sessionId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
