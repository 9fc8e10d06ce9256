using System.Net;
using System.Text.Json.Nodes;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.EndToEnd;

/// <summary>
/// A legacy call whose replica dies after its answer has started: the client resumes the answer's stream with
/// <c>Last-Event-ID</c> on another replica, which replays what was stored and then, as nothing more comes, ends the
/// stream, so the client retries rather than waiting for its own timeout.
/// </summary>
public sealed class CutAnswerResumeTests(StoreFixture<RedisStoreServer> store) : IClassFixture<StoreFixture<RedisStoreServer>>, IAsyncLifetime
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
        await foreach (var item in RawMcp.ReadSseAsync(answer))
        {
            lastEventId = item.EventId;
            break;
        }
        Assert.False(string.IsNullOrEmpty(lastEventId), "The answer's first event has no id to resume after.");

        await _replicas[0].Process.SignalAsync("KILL");
        var resumed = await mcp.ResumeAsync(_replicas[1].McpEndpoint, sessionId, lastEventId);

        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        // Only progress was stored after the event the client saw: the answer was never produced.
        Assert.All(resumed.Events, e => Assert.Contains("notifications/progress", e.Data, StringComparison.Ordinal));
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
}
