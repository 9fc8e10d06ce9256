using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class SessionAffinityTests
{
    [Fact]
    public async Task ClientWithCookieJar_StaysOnOneReplica_ByTheAlbStyleCookie()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient(withCookieJar: true);

        using var first = await client.SendAsync(McpCalls.Post("ping"));
        var firstReply = await first.Content.ReadFromJsonAsync<ReplicaReply>();
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        var instances = await client.InstancesAsync(6);

        Assert.StartsWith("AWSALB=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.All(instances, instance => Assert.Equal(firstReply!.Instance, instance));
    }

    [Fact]
    public async Task ClientWithoutCookies_StaysOnTheReplicaThatMintedItsSession()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient();

        var initialized = await client.InitializeAsync();
        var instances = await client.InstancesAsync(6, sessionId: initialized.Session);

        Assert.All(instances, instance => Assert.Equal(initialized.Instance, instance));
    }

    [Fact]
    public async Task NewSessions_SpreadOverReplicas_AndEachStaysOnItsOwn()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient();

        var sessions = new List<ReplicaReply>();
        for (var i = 0; i < 6; i++)
        {
            sessions.Add(await client.InitializeAsync());
        }
        var instancesBySession = new Dictionary<ReplicaReply, List<string>>();
        foreach (var session in sessions)
        {
            instancesBySession[session] = await client.InstancesAsync(2, sessionId: session.Session);
        }

        Assert.Equal(3, sessions.Select(session => session.Instance).Distinct().Count());
        Assert.All(instancesBySession, pair => Assert.All(pair.Value, instance => Assert.Equal(pair.Key.Instance, instance)));
    }

    [Fact]
    public async Task SessionHeader_WinsOverACookieForAnotherReplica()
    {
        await using var topology = await Topology.StartAsync(3);
        using var cookieClient = topology.Gateway.CreateClient(withCookieJar: true);
        using var plainClient = topology.Gateway.CreateClient();
        var cookieInstance = (await cookieClient.CallAsync("ping")).Instance;
        ReplicaReply session;
        do
        {
            session = await plainClient.InitializeAsync();
        }
        while (session.Instance == cookieInstance);

        var reply = await cookieClient.CallAsync("ping", session.Session);

        Assert.Equal(session.Instance, reply.Instance);
    }

    [Fact]
    public async Task WithCookieAffinityOff_NoCookieIsSet_AndRequestsSpread()
    {
        await using var topology = await Topology.StartAsync(2, gatewaySettings: "--Gateway:Cookie:Enabled=false");
        using var client = topology.Gateway.CreateClient(withCookieJar: true);

        using var first = await client.SendAsync(McpCalls.Post("ping"));
        var instances = await client.InstancesAsync(2);

        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal(2, instances.Distinct().Count());
    }

    [Fact]
    public async Task WithSessionAffinityOff_SessionsAreNotPinned()
    {
        await using var topology = await Topology.StartAsync(2, gatewaySettings: "--Gateway:Sessions:Enabled=false");
        using var client = topology.Gateway.CreateClient();
        var initialized = await client.InitializeAsync();

        var calls = new[] { await client.SendAsync("ping", initialized.Session), await client.SendAsync("ping", initialized.Session) };

        Assert.Contains(calls, call => call.Status == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_ForgetsTheSessionPin()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient();
        var initialized = await client.InitializeAsync();
        Assert.Equal(initialized.Instance, (await client.CallAsync("ping", initialized.Session)).Instance);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/mcp");
        delete.Headers.Add(McpHeaders.SessionId, initialized.Session);
        using var deleted = await client.SendAsync(delete);
        var afterDelete = new List<(HttpStatusCode Status, ReplicaReply Reply)>();
        for (var i = 0; i < 3; i++)
        {
            afterDelete.Add(await client.SendAsync("ping", initialized.Session));
        }

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        // The fake replica keeps the session after DELETE, so only an unpinned gateway reaches the other replicas
        // (which answer 404), and round-robin then reaches every replica.
        Assert.Equal(3, afterDelete.Select(call => call.Reply.Instance).Distinct().Count());
        Assert.Contains(afterDelete, call => call.Status == HttpStatusCode.NotFound);
    }
}
