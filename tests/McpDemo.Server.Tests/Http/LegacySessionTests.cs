using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.Guards;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Http;

/// <summary>
/// Legacy (2025-11-25) sessions in Stateful mode, through the SDK options McpDemo.Guards sets: streams resume
/// with <c>Last-Event-ID</c> from the distributed-cache event store, idle sessions expire, and the
/// <c>mcpdemo.server.sessions</c> gauge counts the sessions held.
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

    [Fact]
    public async Task TheSessionGauge_CountsLegacySessions_UntilDeletedOrExpired()
    {
        // Under the JIT even when MCPDEMO_SERVER_BINARY names a NativeAOT build: the gauge's code is the same, and a
        // NativeAOT server published without EventSourceSupport opens no EventPipe for the probe to read it through.
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var endpoint = new Uri(baseAddress, "mcp");
        await using var server = TestProcess.StartProject("src/McpDemo.Server",
            ["--urls", baseAddress.GetLeftPart(UriPartial.Authority), "--Mcp:SessionMode=Stateful", "--Mcp:IdleTimeout=00:00:10"]);
        await server.WaitForHttpOkAsync(new Uri(baseAddress, "health").ToString());
        var probe = new RuntimeProbe(server.Id);
        Assert.Equal(0, await SessionsAsync(probe));

        var kept = await InitializeAsync(endpoint);
        var deleted = await InitializeAsync(endpoint);
        // A 2026-07-28 call runs as a session without an id, for that request only: not counted.
        using (var ping = await Http.SendAsync(RawMcp.CallTool(endpoint, "ping", new JsonObject())))
        {
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        }
        await TouchAsync(endpoint, kept);
        Assert.Equal(2, await SessionsAsync(probe));

        var delete = new HttpRequestMessage(HttpMethod.Delete, endpoint);
        delete.Headers.Add(McpHeaders.SessionId, deleted);
        delete.Headers.Add(McpHeaders.ProtocolVersion, RawMcp.Legacy);
        using (var response = await Http.SendAsync(delete))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await TouchAsync(endpoint, kept);
        Assert.Equal(1, await SessionsAsync(probe));

        // The kept session expires once idle for 10 s, at the SDK's next sweep (every 5 s).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        double sessions;
        while ((sessions = await SessionsAsync(probe)) != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        Assert.Equal(0, sessions);
    }

    /// <summary>The server's gauge, read from the outside (an EventPipe session on its System.Diagnostics.Metrics provider).</summary>
    private static async Task<double> SessionsAsync(RuntimeProbe probe)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await probe.ReadMetricAsync(LegacySessionGauge.MeterName, LegacySessionGauge.InstrumentName, patience.Token);
    }

    /// <summary>A request on <paramref name="session"/>, which restarts its idle clock.</summary>
    private static async Task TouchAsync(Uri endpoint, string session)
    {
        using var response = await Http.SendAsync(Post(endpoint, session, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 9, ["method"] = "tools/list" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
