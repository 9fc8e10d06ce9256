using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.EndToEnd;

/// <summary>
/// Three real McpDemo.Server processes on one store, with no gateway and no affinity in front of them: each request
/// goes wherever the test sends it, and every replica must serve it.
/// </summary>
public abstract class ReplicasOnOneStoreTests(IStoreServer store) : IAsyncLifetime
{
    private const string Action = "delete the staging database";
    private readonly List<McpServerProcess> _replicas = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // One at a time: three .NET start-ups at once on two cores only make each slower.
        for (var i = 0; i < 3; i++)
        {
            _replicas.Add(await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful", null, $"--ConnectionStrings:store={store.ConnectionString}"));
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        _http.Dispose();
    }

    [Fact]
    public async Task TypeScriptLegacySessionRotatesOverAllReplicasAndSurvivesLosingTheOneThatCreatedIt()
    {
        var peer = NodeTools.Start("rotating-session-peer.mjs",
            ["30", "15", _replicas[0].Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
             .. _replicas.Select(r => r.McpEndpoint.ToString())]);
        await using var _ = peer;
        Assert.True(await peer.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, peer.Output);
        var result = ResultLine.Parse(peer.Output);

        Assert.Equal(1, result.GetProperty("initializeRequests").GetInt32());
        Assert.Equal("2025-11-25", result.GetProperty("protocolVersion").GetString());
        var calls = result.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(30, calls.Count);
        var killedBefore = result.GetProperty("killedBeforeCall").GetInt32();
        // The kill happens between calls, so not even one call is in flight when the replica dies.
        Assert.All(calls, c => Assert.False(c.TryGetProperty("error", out var e), $"a call failed: {e}\n{peer.Output}"));
        var instances = calls.Select(c => c.GetProperty("pong").GetString()!.Split(' ')[1]).ToList();
        Assert.Equal(3, instances.Take(killedBefore - 1).Distinct().Count());
        Assert.Equal(2, instances.Skip(killedBefore - 1).Distinct().Count());
    }

    [Fact]
    public async Task StreamCutOnOneReplicaResumesOnAnotherWithExactlyTheMissedEvents()
    {
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(_replicas[0].McpEndpoint);
        var countdown = await mcp.PostAsync(_replicas[0].McpEndpoint, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 7,
            ["method"] = "tools/call",
            ["params"] = new JsonObject
            {
                ["name"] = "countdown",
                ["arguments"] = new JsonObject { ["steps"] = 4, ["intervalMs"] = 0 },
                ["_meta"] = new JsonObject { ["progressToken"] = "resume-me" },
            },
        }, sessionId);
        // Four progress notifications, then the result, each with an event id the client can resume after.
        Assert.True(countdown.Events.Count == 5, countdown.Body);
        Assert.All(countdown.Events, e => Assert.False(string.IsNullOrEmpty(e.EventId), countdown.Body));

        // The client saw two events before its connection broke; it resumes through another replica.
        var resumed = await mcp.ResumeAsync(_replicas[1].McpEndpoint, sessionId, countdown.Events[1].EventId!);

        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        Assert.Equal(countdown.Events.Skip(2).Select(e => e.Data), resumed.Events.Select(e => e.Data));
    }

    [Fact]
    public async Task MrtrQuestionAskedOnOneReplicaIsAnsweredOnAnotherAndForgeryFailsCleanly()
    {
        using var first = await _http.SendAsync(RawMcp.CallTool(_replicas[0].McpEndpoint, "confirm_action", new JsonObject { ["action"] = Action }));
        var asked = (await RawMcp.ReadMessageAsync(first)).GetProperty("result");
        Assert.Equal("input_required", asked.GetProperty("resultType").GetString());
        var state = asked.GetProperty("requestState").GetString()!;

        using var retry = await _http.SendAsync(Retry(_replicas[1].McpEndpoint, state));
        var answered = (await RawMcp.ReadMessageAsync(retry)).GetProperty("result");
        Assert.Equal($"confirmed: {Action}", answered.GetProperty("content")[0].GetProperty("text").GetString());

        var forged = state[..^6] + (state[^6] == 'A' ? 'B' : 'A') + state[^5..];
        using var forgedRetry = await _http.SendAsync(Retry(_replicas[2].McpEndpoint, forged));
        Assert.Equal(HttpStatusCode.OK, forgedRetry.StatusCode);
        var refused = (await RawMcp.ReadMessageAsync(forgedRetry)).GetProperty("result");
        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.Contains("forged or has expired", refused.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenerOnOneReplicaReceivesTheTicksStartedOnAnother()
    {
        using var listen = RawMcp.Post(_replicas[0].McpEndpoint,
            RawMcp.Body("subscriptions/listen", new JsonObject { ["notifications"] = new JsonObject() }), "subscriptions/listen");
        using var stream = await _http.SendAsync(listen, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var events = RawMcp.ReadEventsAsync(stream, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("notifications/subscriptions/acknowledged", events.Current.GetProperty("method").GetString());

        using var start = await _http.SendAsync(RawMcp.CallTool(_replicas[1].McpEndpoint, "start_ticker", new JsonObject { ["count"] = 3, ["intervalMs"] = 50 }));
        var started = (await RawMcp.ReadMessageAsync(start)).GetProperty("result");
        Assert.False(started.TryGetProperty("isError", out var isError) && isError.GetBoolean(), started.ToString());

        await AssertTicksAsync(events, await InstanceOfAsync(_replicas[1]));
    }

    [Fact]
    public async Task LegacyGetStreamOnOneReplicaReceivesTheTicksStartedOnAnother()
    {
        var mcp = new LegacyMcpHttp(_http);
        var sessionId = await mcp.StartSessionAsync(_replicas[0].McpEndpoint);
        using var get = new HttpRequestMessage(HttpMethod.Get, _replicas[1].McpEndpoint);
        get.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));
        get.Headers.Add(McpHeaders.SessionId, sessionId);
        get.Headers.Add(McpHeaders.ProtocolVersion, LegacyMcpHttp.ProtocolVersion);
        using var stream = await _http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // The stream opens with a priming event (an id and empty data) that only marks a resumption point: skipped.
        await using var events = RawMcp.ReadEventsAsync(stream, timeout.Token).GetAsyncEnumerator(timeout.Token);

        var started = await mcp.CallToolAsync(_replicas[2].McpEndpoint, sessionId, "start_ticker", new JsonObject { ["count"] = 3, ["intervalMs"] = 50 });
        Assert.Contains("ticker started", LegacyMcpHttp.ToolText(started), StringComparison.Ordinal);

        await AssertTicksAsync(events, await InstanceOfAsync(_replicas[2]));
    }

    // The three ticks a ticker started with count 3 sends, in order, each naming the replica that runs it.
    private static async Task AssertTicksAsync(IAsyncEnumerator<JsonElement> events, string starter)
    {
        for (var tick = 1; tick <= 3; tick++)
        {
            Assert.True(await events.MoveNextAsync());
            var data = events.Current.GetProperty("params").GetProperty("data");
            Assert.Equal(tick, data.GetProperty("tick").GetInt32());
            Assert.Equal(starter, data.GetProperty("instance").GetString());
        }
    }

    private static HttpRequestMessage Retry(Uri endpoint, string state) =>
        RawMcp.CallTool(endpoint, "confirm_action", new JsonObject { ["action"] = Action }, parameters =>
        {
            parameters["requestState"] = state;
            parameters["inputResponses"] = new JsonObject
            {
                ["confirm"] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["confirm"] = true } },
            };
        });

    // The instance id a replica's ping names ("pong! instance=<id> ..."), as its ticks carry it.
    private async Task<string> InstanceOfAsync(McpServerProcess replica)
    {
        using var ping = await _http.SendAsync(RawMcp.CallTool(replica.McpEndpoint, "ping", []));
        var text = (await RawMcp.ReadMessageAsync(ping)).GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;
        return text.Split(' ')[1]["instance=".Length..];
    }
}

/// <summary>Three replicas on Garnet.</summary>
public sealed class ReplicasOnGarnetTests(StoreFixture<GarnetStoreServer> fixture)
    : ReplicasOnOneStoreTests(fixture.Store), IClassFixture<StoreFixture<GarnetStoreServer>>;

/// <summary>Three replicas on redis-server.</summary>
public sealed class ReplicasOnRedisTests(StoreFixture<RedisStoreServer> fixture)
    : ReplicasOnOneStoreTests(fixture.Store), IClassFixture<StoreFixture<RedisStoreServer>>;
