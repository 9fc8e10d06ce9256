using System.Net;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class StreamingTests
{
    private static readonly TimeSpan s_eventWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SseEvents_ReachTheClient_BeforeTheReplicaFinishesTheResponse()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.Post("stream"), HttpCompletionOption.ResponseHeadersRead);
        using var timeout = new CancellationTokenSource(s_eventWait);
        await using var events = RawMcp.ReadSseAsync(response, timeout.Token).GetAsyncEnumerator(timeout.Token);
        // The replica holds the response open until released; a buffering proxy would deliver nothing until then.
        var first = await events.NextDataAsync();
        topology.Replicas[0].Release.SetResult();
        var last = await events.NextDataAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("first", first);
        Assert.Equal("last", last);
    }

    [Fact]
    public async Task GetStream_StaysOpen_LongerThanTheRequestIdleTimeout()
    {
        // Requests may idle 1 s; the replica's GET stream is quiet for 3 s between its two events.
        await using var topology = await Topology.StartAsync(1, TimeSpan.FromSeconds(3), gatewaySettings: $"{GatewayProcess.Cluster}:HttpRequest:ActivityTimeout=00:00:01");
        using var client = topology.Gateway.CreateClient();
        topology.Replicas[0].Release.SetResult();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var timeout = new CancellationTokenSource(s_eventWait);
        await using var events = RawMcp.ReadSseAsync(response, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.StartsWith("open replica-0", await events.NextDataAsync());
        Assert.Equal("later", await events.NextDataAsync());
    }

    [Fact]
    public async Task EventStreamHeaders_ReachTheClient_BeforeTheFirstEvent()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var timeout = new CancellationTokenSource(s_eventWait);
        // The replica holds its first event until released; the client must see the 200 regardless.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        topology.Replicas[0].Release.SetResult();
        await using var events = RawMcp.ReadSseAsync(response, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("AWSALB=", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.StartsWith("open replica-0", await events.NextDataAsync());
    }

    [Fact]
    public async Task ListenStream_StaysOpen_LongerThanTheRequestIdleTimeout()
    {
        // Requests may idle 1 s; the replica's subscriptions/listen stream is quiet for 3 s between its two events.
        await using var topology = await Topology.StartAsync(1, TimeSpan.FromSeconds(3), gatewaySettings: $"{GatewayProcess.Cluster}:HttpRequest:ActivityTimeout=00:00:01");
        using var client = topology.Gateway.CreateClient();

        using var listen = McpCalls.PostWithHeaders("subscriptions/listen", "2026-07-28", method: "subscriptions/listen");
        using var response = await client.SendAsync(listen, HttpCompletionOption.ResponseHeadersRead);
        using var timeout = new CancellationTokenSource(s_eventWait);
        await using var events = RawMcp.ReadSseAsync(response, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.Equal("listening", await events.NextDataAsync());
        Assert.Equal("later", await events.NextDataAsync());
    }

    [Fact]
    public async Task QuietRequest_IsCutByTheRequestIdleTimeout()
    {
        await using var topology = await Topology.StartAsync(1, TimeSpan.FromSeconds(3), gatewaySettings: $"{GatewayProcess.Cluster}:HttpRequest:ActivityTimeout=00:00:01");
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.Post("slow"));

        Assert.True(HttpStatusCode.GatewayTimeout == response.StatusCode, $"{response.StatusCode}:\n{topology.Gateway.Output}");
    }
}
