using System.Net;
using System.Net.Http.Json;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class RoutingTests
{
    [Fact]
    public async Task StatelessRequests_AreSpreadRoundRobin_OverAllReplicas()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient();

        var instances = await client.InstancesAsync(9);

        Assert.All(
            instances.GroupBy(instance => instance),
            group => Assert.Equal(3, group.Count()));
        Assert.Equal(3, instances.Distinct().Count());
    }

    [Fact]
    public async Task ReplicasOfTheServiceTheDestinationNames_AreUsed()
    {
        await using var topology = await Topology.StartAsync(2, service: "api",
            gatewaySettings: $"{GatewayProcess.Cluster}:Destinations:server:Address=http://api");
        using var client = topology.Gateway.CreateClient();

        var instances = await client.InstancesAsync(2);

        Assert.Equal(["replica-0", "replica-1"], instances.Order());
    }

    [Fact]
    public async Task Health_IsAnsweredByTheGatewayItself_EvenWithItsReplicaDown()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();
        await topology.KillAsync(0);

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PathsOtherThanMcp_AreNotProxied()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.GetAsync("/mcpx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(100)] // held and sent whole, in one write with the headers
    [InlineData(200_000)] // past the size held in memory: streamed
    public async Task RequestBodies_ReachTheReplicaIntact(int padding)
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var post = McpCalls.Post("ping", padding: padding);
        var sent = (await post.Content!.ReadAsByteArrayAsync()).Length;
        using var response = await client.SendAsync(post);
        var reply = await response.Content.ReadFromJsonAsync<ReplicaReply>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sent, reply!.BodyLength);
    }

    [Fact]
    public async Task McpHeaders_PassThrough_InBothDirections()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();
        topology.Replicas[0].Release.SetResult();
        var session = (await client.InitializeAsync()).Session!;

        using var post = McpCalls.Post("ping", session);
        post.Headers.Add(McpHeaders.ProtocolVersion, "2025-06-18");
        using var response = await client.SendAsync(post);
        var reply = await response.Content.ReadFromJsonAsync<ReplicaReply>();

        // The replica sees its own id, the client only the gateway's wrapping of it, which comes back unchanged.
        Assert.NotNull(reply!.Session);
        Assert.NotEqual(session, reply.Session);
        Assert.Equal("2025-06-18", reply.ProtocolVersion);
        Assert.Equal(session, Assert.Single(response.Headers.GetValues(McpHeaders.SessionId)));
        Assert.Equal("2025-06-18", Assert.Single(response.Headers.GetValues(McpHeaders.ProtocolVersion)));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        get.Headers.Accept.ParseAdd("text/event-stream");
        get.Headers.Add(McpHeaders.LastEventId, "stream-7");
        using var stream = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = RawMcp.ReadSseAsync(stream, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.EndsWith("last-event-id=stream-7", await events.NextDataAsync());
    }

    [Fact]
    public async Task TraceContext_IsContinued_ByATracingGateway_ToTheReplica()
    {
        // Export goes nowhere (nothing listens on the port), but the gateway traces as it would in production.
        await using var topology = await Topology.StartAsync(1, gatewaySettings: $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{FreePort.Next()}");
        using var client = topology.Gateway.CreateClient();

        var reply = await PingWithClientTraceParentAsync(client);

        // Same trace, but the replica's parent is the gateway's span, not the client's.
        Assert.Matches($"^00-{TraceId}-[0-9a-f]{{16}}-0[01]$", reply.TraceParent);
        Assert.DoesNotContain(ClientSpanId, reply.TraceParent);
    }

    [Fact]
    public async Task TraceContext_PassesThroughUnchanged_WhenTheGatewayDoesNotTrace()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        var reply = await PingWithClientTraceParentAsync(client);

        Assert.Equal(ClientTraceParent, reply.TraceParent);
    }

    [Fact]
    public async Task Replicas_GetTheForwardedHeaders_AnAlbAdds()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        var reply = await client.CallAsync("ping");

        Assert.Equal("127.0.0.1", reply.Forwarded["X-Forwarded-For"]);
        Assert.Equal("http", reply.Forwarded["X-Forwarded-Proto"]);
        // The Host header already carries the client's name, so no X-Forwarded-Host.
        Assert.Equal(["X-Forwarded-For", "X-Forwarded-Proto"], reply.Forwarded.Keys.Order(StringComparer.OrdinalIgnoreCase));
    }

    private static async Task<ReplicaReply> PingWithClientTraceParentAsync(HttpClient client)
    {
        using var request = McpCalls.Post("ping");
        request.Headers.Add("traceparent", ClientTraceParent);
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<ReplicaReply>())!;
    }

    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string ClientSpanId = "b7ad6b7169203331";
    private const string ClientTraceParent = $"00-{TraceId}-{ClientSpanId}-01";
}
