using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using McpDemo.Testing;
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
        await using var topology = await Topology.StartAsync(2, gatewaySettings: $"{GatewayProcess.Cluster}:SessionAffinity:Enabled=false");
        using var client = topology.Gateway.CreateClient(withCookieJar: true);

        using var first = await client.SendAsync(McpCalls.Post("ping"));
        var instances = await client.InstancesAsync(2);

        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal(2, instances.Distinct().Count());
    }

    [Fact]
    public async Task WithSessionAffinityOff_SessionIdsPassUnwrapped_AndAreNotRouted()
    {
        await using var topology = await Topology.StartAsync(2, gatewaySettings: "--Gateway:Sessions:Enabled=false");
        using var client = topology.Gateway.CreateClient();
        var initialized = await client.InitializeAsync();
        using var direct = new HttpClient { BaseAddress = new Uri(topology.Replicas[topology.IndexOf(initialized.Instance)].Address) };
        var replicaId = (await direct.SendAsync("ping", initialized.Session)).Status;

        var calls = new[] { await client.SendAsync("ping", initialized.Session), await client.SendAsync("ping", initialized.Session) };

        Assert.Equal(HttpStatusCode.OK, replicaId);
        Assert.Contains(calls, call => call.Status == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LegacySession_StartedThroughOneGateway_ContinuesThroughAnother_WithTheSameKey_AndNoSharedStore()
    {
        var (topology, gatewayB) = await StartTwoGatewaysWithOneKeyAsync();
        await using var _ = topology;
        await using var __ = gatewayB;
        using var clientA = topology.Gateway.CreateClient();
        using var clientB = gatewayB.CreateClient();

        var initialized = await clientA.InitializeAsync();
        var throughB = await clientB.InstancesAsync(6, sessionId: initialized.Session);
        var throughA = await clientA.InstancesAsync(3, sessionId: initialized.Session);

        Assert.All(throughB.Concat(throughA), instance => Assert.Equal(initialized.Instance, instance));
    }

    [Fact]
    public async Task AffinityCookie_SetByOneGateway_PinsThroughAnother_WithTheSameKey()
    {
        var (topology, gatewayB) = await StartTwoGatewaysWithOneKeyAsync();
        await using var _ = topology;
        await using var __ = gatewayB;
        using var clientA = topology.Gateway.CreateClient();
        using var clientB = gatewayB.CreateClient();

        using var first = await clientA.SendAsync(McpCalls.Post("ping"));
        var pinned = (await first.Content.ReadFromJsonAsync<ReplicaReply>())!.Instance;
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var throughB = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var request = McpCalls.Post("ping");
            request.Headers.Add("Cookie", cookie);
            using var response = await clientB.SendAsync(request);
            throughB.Add((await response.Content.ReadFromJsonAsync<ReplicaReply>())!.Instance);
        }

        Assert.All(throughB, instance => Assert.Equal(pinned, instance));
    }

    [Fact]
    public async Task SessionIdWrappedUnderAnotherKey_Gets404_LikeAnUnknownSession()
    {
        await using var topology = await Topology.StartAsync(2);
        // No key configured: each gateway makes its own.
        await using var other = await GatewayProcess.StartAsync(topology.Replicas, []);
        using var client = topology.Gateway.CreateClient();
        var initialized = await client.InitializeAsync();

        using var response = await other.CreateClient().SendAsync(McpCalls.Post("ping", initialized.Session));

        await AssertSessionNotFoundAsync(response);
        Assert.Contains("No Gateway:Affinity:Key is configured", other.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)] // the nonce
    [InlineData(20)] // the tag
    [InlineData(-2)] // the ciphertext (the last character may carry only padding bits)
    public async Task TamperedSessionId_Gets404_WithAJsonRpcError(int position)
    {
        await using var topology = await Topology.StartAsync(2);
        using var client = topology.Gateway.CreateClient();
        var wrapped = (await client.InitializeAsync()).Session!;
        var index = position < 0 ? wrapped.Length + position : position;
        var tampered = string.Concat(wrapped.AsSpan(0, index), wrapped[index] == 'A' ? "B" : "A", wrapped.AsSpan(index + 1));

        using var response = await client.SendAsync(McpCalls.Post("ping", tampered));

        await AssertSessionNotFoundAsync(response);
    }

    [Fact]
    public async Task ClientSeesOnlyTheWrappedId_AndTheReplicaOnlyItsOwn()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var initialize = await client.SendAsync(McpCalls.Post("initialize"));
        var replicaId = (await initialize.Content.ReadFromJsonAsync<ReplicaReply>())!.Session!;
        var wrapped = Assert.Single(initialize.Headers.GetValues(McpHeaders.SessionId));
        using var ping = await client.SendAsync(McpCalls.Post("ping", wrapped));
        var seenByReplica = (await ping.Content.ReadFromJsonAsync<ReplicaReply>())!.Session;

        Assert.DoesNotContain(replicaId, wrapped, StringComparison.Ordinal);
        Assert.DoesNotContain(topology.Replicas[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture), wrapped, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+$", wrapped);
        Assert.Equal(replicaId, seenByReplica);
    }

    // Three replicas behind gateway A, and gateway B in front of the same replicas; A and B share only their key.
    private static async Task<(Topology Topology, GatewayProcess GatewayB)> StartTwoGatewaysWithOneKeyAsync()
    {
        var key = $"--Gateway:Affinity:Key={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
        var topology = await Topology.StartAsync(3, gatewaySettings: key);
        try
        {
            return (topology, await GatewayProcess.StartAsync(topology.Replicas, [key]));
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private static async Task AssertSessionNotFoundAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{(int)response.StatusCode}: {body}");
        using var error = JsonDocument.Parse(body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(-32000, error.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.RootElement.GetProperty("id").ValueKind);
    }
}
