using System.Net.Http.Json;
using System.Net;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class RoutingTests
{
    [Fact]
    public async Task StatelessRequests_AreSpreadRoundRobin_OverAllReplicas()
    {
        await using var topology = await Topology.StartAsync(3);
        using var client = topology.Gateway.CreateClient();

        var instances = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            instances.Add((await client.CallAsync("ping")).Instance);
        }

        Assert.All(
            instances.GroupBy(instance => instance),
            group => Assert.Equal(3, group.Count()));
        Assert.Equal(3, instances.Distinct().Count());
    }

    [Fact]
    public async Task Health_IsAnsweredByTheGatewayItself()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

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

    [Fact]
    public async Task McpHeaders_PassThrough_InBothDirections()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();
        var session = (await client.InitializeAsync()).Session!;

        using var post = McpCalls.Post("ping", session);
        post.Headers.Add(McpHeaders.ProtocolVersion, "2025-06-18");
        using var response = await client.SendAsync(post);
        var reply = await response.Content.ReadFromJsonAsync<ReplicaReply>();

        Assert.Equal(session, reply!.Session);
        Assert.Equal("2025-06-18", reply.ProtocolVersion);
        Assert.Equal(session, Assert.Single(response.Headers.GetValues(McpHeaders.SessionId)));
        Assert.Equal("2025-06-18", Assert.Single(response.Headers.GetValues(McpHeaders.ProtocolVersion)));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        get.Headers.Accept.ParseAdd("text/event-stream");
        get.Headers.Add(McpHeaders.LastEventId, "stream-7");
        using var stream = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.EndsWith("last-event-id=stream-7", await events.ReadDataAsync(timeout.Token));
    }

    [Fact]
    public async Task TraceContext_IsPropagated_ToTheReplica()
    {
        const string TraceId = "0af7651916cd43dd8448eb211c80319c";
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var request = McpCalls.Post("ping");
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        using var response = await client.SendAsync(request);
        var reply = await response.Content.ReadFromJsonAsync<ReplicaReply>();

        Assert.Matches($"^00-{TraceId}-[0-9a-f]{{16}}-0[01]$", reply!.TraceParent);
    }
}
