using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Http;

/// <summary>
/// Legacy (2025-11-25) sessions in Stateful mode, through the SDK options McpDemo.Guards sets: streams resume
/// with <c>Last-Event-ID</c> from the distributed-cache event store, and idle sessions expire.
/// </summary>
public sealed class LegacySessionTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task ACallsStream_ResumesWithLastEventId_AfterTheConnectionDrops()
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful");
        var session = await InitializeAsync(server.McpEndpoint);
        var call = Post(server.McpEndpoint, session, new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "tools/call",
            ["params"] = new JsonObject
            {
                ["name"] = "countdown",
                ["arguments"] = new JsonObject { ["steps"] = 3, ["intervalMs"] = 300 },
                ["_meta"] = new JsonObject { ["progressToken"] = "resume-test" },
            },
        });

        // Read up to the first event with an id, then drop the connection mid-call.
        string? lastEventId = null;
        using (var response = await Http.SendAsync(call, HttpCompletionOption.ResponseHeadersRead))
        {
            await foreach (var item in RawMcp.ReadSseAsync(response))
            {
                if ((lastEventId = item.EventId) is not null)
                {
                    break;
                }
            }
        }
        Assert.NotNull(lastEventId);

        var resume = new HttpRequestMessage(HttpMethod.Get, server.McpEndpoint);
        resume.Headers.Accept.ParseAdd("text/event-stream");
        resume.Headers.Add(McpHeaders.SessionId, session);
        resume.Headers.Add(McpHeaders.ProtocolVersion, RawMcp.Legacy);
        resume.Headers.Add(McpHeaders.LastEventId, lastEventId);
        using var resumed = await Http.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);

        JsonElement? answer = null;
        await foreach (var message in RawMcp.ReadEventsAsync(resumed, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
        {
            if (message.TryGetProperty("id", out var id) && id.GetInt32() == 2)
            {
                answer = message;
                break;
            }
        }
        Assert.True(answer.HasValue, "The resumed stream never carried the call's answer.");
        Assert.Equal("liftoff after 3 steps", answer.Value.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnIdleSession_Expires_AfterMcpIdleTimeout()
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful", extraArguments: ["--Mcp:IdleTimeout=00:00:01"]);
        var session = await InitializeAsync(server.McpEndpoint);

        // The SDK sweeps idle sessions every 5 s. Each probe is activity that restarts the idle clock, so probes are
        // spaced wider than the timeout plus a sweep; the test waits for the expiry rather than timing it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpStatusCode status;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
            using var response = await Http.SendAsync(Post(server.McpEndpoint, session,
                new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 3, ["method"] = "tools/list" }));
            status = response.StatusCode;
            if (status == HttpStatusCode.NotFound)
            {
                await BadInputTests.AssertRefusalAsync(response, HttpStatusCode.NotFound, -32001);
            }
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static async Task<string> InitializeAsync(Uri endpoint)
    {
        var initialize = RawMcp.Post(endpoint, new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize",
            ["params"] = new JsonObject
            {
                ["protocolVersion"] = RawMcp.Legacy,
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "legacy-session-test", ["version"] = "1.0.0" },
            },
        }.ToJsonString(), method: null, protocolVersion: null);
        using var response = await Http.SendAsync(initialize);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = response.Headers.GetValues(McpHeaders.SessionId).Single();
        using var initialized = await Http.SendAsync(Post(endpoint, session, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" }));
        Assert.Equal(HttpStatusCode.Accepted, initialized.StatusCode);
        return session;
    }

    private static HttpRequestMessage Post(Uri endpoint, string session, JsonObject message)
    {
        var request = RawMcp.Post(endpoint, message.ToJsonString(), method: null, protocolVersion: RawMcp.Legacy);
        request.Headers.Add(McpHeaders.SessionId, session);
        return request;
    }
}
