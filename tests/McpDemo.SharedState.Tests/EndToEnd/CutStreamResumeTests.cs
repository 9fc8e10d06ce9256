using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.EndToEnd;

/// <summary>
/// Legacy streams cut by a fault and resumed with <c>Last-Event-ID</c> on another replica:
/// <list type="bullet">
/// <item>a call whose replica dies after its answer has started: the other replica replays what was stored and then, as
/// nothing more comes, ends the stream, so the client retries rather than waiting for its own timeout;</item>
/// <item>a GET stream cut, or whose replica dies, while the session's notifications come from another replica: the
/// resumption replays what was sent meanwhile and carries what follows, with nothing lost or repeated.</item>
/// </list>
/// </summary>
public sealed class CutStreamResumeTests(StoreFixture<RedisStoreServer> store) : IClassFixture<StoreFixture<RedisStoreServer>>, IAsyncLifetime
{
    private readonly List<McpServerProcess> _replicas = [];
    // Far longer than the replicas' idle limit on resumed streams, far shorter than the hang.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(40) };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            _replicas.Add(await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful", null,
                $"--ConnectionStrings:store={((IStoreServer)store.Store).ConnectionString}", "--SharedState:ResumedStreamIdleTimeout=00:00:03"));
        }
    }

    [Fact]
    public async Task AnswerCutByAKill_ResumedOnAnotherReplica_EndsInsteadOfHanging()
    {
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(_replicas[0].McpEndpoint);
        using var call = RawMcp.Post(_replicas[0].McpEndpoint, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 7,
            ["method"] = "tools/call",
            ["params"] = new JsonObject
            {
                ["name"] = "countdown",
                ["arguments"] = new JsonObject { ["steps"] = 100, ["intervalMs"] = 200 },
                ["_meta"] = new JsonObject { ["progressToken"] = "cut-me" },
            },
        }.ToJsonString(), method: null, protocolVersion: LegacyMcpHttp.ProtocolVersion);
        call.Headers.Add(McpHeaders.SessionId, sessionId);
        using var answer = await _http.SendAsync(call, HttpCompletionOption.ResponseHeadersRead);
        string? lastEventId = null;
        // The replica stores events without waiting for the store (StoreEventStreamCache), so a kill right after the
        // first event can beat its write; the kill comes once the next one (200 ms later) has arrived.
        var seen = 0;
        await foreach (var item in RawMcp.ReadSseAsync(answer))
        {
            lastEventId ??= item.EventId;
            if (++seen == 2)
            {
                break;
            }
        }
        Assert.False(string.IsNullOrEmpty(lastEventId), "The answer's first event has no id to resume after.");

        await _replicas[0].Process.SignalAsync("KILL");
        var resumed = await mcp.ResumeAsync(_replicas[1].McpEndpoint, sessionId, lastEventId);

        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        // Only progress was stored after the event the client saw: the answer was never produced.
        Assert.All(resumed.Events, e => Assert.Contains("notifications/progress", e.Data, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TicksSentByAnotherReplicaWhileTheGetStreamIsCut_AreReplayedOnResume()
    {
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(_replicas[0].McpEndpoint);
        string lastEventId;
        // The stream is cut by disposing its response and its client.
        await using (var stream = await GetStream.OpenAsync(_replicas[0].McpEndpoint, sessionId))
        {
            lastEventId = stream.PrimingId;
        }

        // Once replica 0 has seen the cut (SocketsHttpHandler may drain an unread response for up to 2 s before it closes
        // the connection) and so stopped following the session's notifications, the session's next request lands on
        // replica 1, which adopts the session and starts a ticker.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await mcp.CallToolAsync(_replicas[1].McpEndpoint, sessionId, "start_ticker", new JsonObject { ["count"] = 3, ["intervalMs"] = 50 });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var resumed = await mcp.ResumeAsync(_replicas[0].McpEndpoint, sessionId, lastEventId);

        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        Assert.Equal([1, 2, 3], resumed.Events.Select(TickNumber));
    }

    [Fact]
    public async Task TheGetStreamsReplicaKilled_TheResumedStreamGetsEveryTickOnce_AsTheyCome()
    {
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(_replicas[0].McpEndpoint);
        await using var stream = await GetStream.OpenAsync(_replicas[0].McpEndpoint, sessionId);
        var events = stream.Events;
        var lastEventId = stream.PrimingId;
        var ticks = new List<int>();

        // Replica 1 runs the ticker; its ticks reach the stream on replica 0 through the relay, until replica 0 dies.
        await mcp.CallToolAsync(_replicas[1].McpEndpoint, sessionId, "start_ticker", new JsonObject { ["count"] = 12, ["intervalMs"] = 250 });
        while (ticks.Count < 3 && await events.MoveNextAsync())
        {
            lastEventId = events.Current.EventId!;
            ticks.Add(TickNumber(events.Current));
        }
        await _replicas[0].Process.SignalAsync("KILL");
        // Resumed on the replica that is left, the stream replays what was stored after the last tick seen and then
        // carries the rest as replica 1 adds them; it ends once silent for the replicas' 3 s idle limit.
        var resumed = await mcp.ResumeAsync(_replicas[1].McpEndpoint, sessionId, lastEventId);

        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        Assert.Equal(Enumerable.Range(1, 12), ticks.Concat(resumed.Events.Select(TickNumber)));
    }

    [Fact]
    public async Task TicksRelayedToALiveStream_AreStoredOnce_UnderTheIdsTheStreamShowed()
    {
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(_replicas[0].McpEndpoint);
        await using var stream = await GetStream.OpenAsync(_replicas[0].McpEndpoint, sessionId);
        var events = stream.Events;
        var live = new List<SseItem<string>>();

        await mcp.CallToolAsync(_replicas[1].McpEndpoint, sessionId, "start_ticker", new JsonObject { ["count"] = 3, ["intervalMs"] = 50 });
        while (live.Count < 3 && await events.MoveNextAsync())
        {
            live.Add(events.Current);
        }
        var replayed = await mcp.ResumeAsync(_replicas[1].McpEndpoint, sessionId, stream.PrimingId);

        // Replica 1 stored each tick and replica 0 wrote it under that id: stored twice, the replay would repeat ticks.
        Assert.Equal([1, 2, 3], live.Select(TickNumber));
        Assert.Equal(live.Select(e => (e.EventId, e.Data)), replayed.Events.Select(e => (e.EventId, e.Data)));
    }

    // A tick is a notifications/message whose data is {"tick":n,"count":...,"instance":...}.
    private static int TickNumber(SseItem<string> item) =>
        JsonNode.Parse(item.Data)!["params"]!["data"]!["tick"]!.GetValue<int>();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        _http.Dispose();
    }

    /// <summary>A session's GET stream, open on one replica with a client of its own, its priming event read.</summary>
    private sealed class GetStream : IAsyncDisposable
    {
        private readonly HttpClient _client;
        private readonly HttpResponseMessage _response;

        private GetStream(HttpClient client, HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events, string primingId)
        {
            _client = client;
            _response = response;
            Events = events;
            PrimingId = primingId;
        }

        /// <summary>The stream's events after the priming one, as they arrive.</summary>
        public IAsyncEnumerator<SseItem<string>> Events { get; }

        /// <summary>The id of the priming event, to resume after.</summary>
        public string PrimingId { get; }

        public static async Task<GetStream> OpenAsync(Uri endpoint, string sessionId)
        {
            var client = new HttpClient();
            using var get = new HttpRequestMessage(HttpMethod.Get, endpoint);
            get.Headers.Accept.Add(new("text/event-stream"));
            get.Headers.Add(McpHeaders.SessionId, sessionId);
            get.Headers.Add(McpHeaders.ProtocolVersion, LegacyMcpHttp.ProtocolVersion);
            var response = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var events = RawMcp.ReadSseAsync(response).GetAsyncEnumerator();
            Assert.True(await events.MoveNextAsync(), "The GET stream ended before its priming event.");
            Assert.False(string.IsNullOrEmpty(events.Current.EventId), "The GET stream's priming event has no id to resume after.");
            return new GetStream(client, response, events, events.Current.EventId!);
        }

        public async ValueTask DisposeAsync()
        {
            await Events.DisposeAsync();
            _response.Dispose();
            _client.Dispose();
        }
    }
}
