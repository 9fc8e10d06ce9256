using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>
/// The standalone GET stream after it dropped: Core serves it once per session, so it is reopened by resuming it
/// with <c>Last-Event-ID</c>, and the resumed stream keeps delivering unsolicited messages live.
/// </summary>
public sealed class StandaloneStreamTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReopenWithoutLastEventId_IsConflict_AfterFirstStreamClosed_AndSessionStaysUsable()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        (await StatefulSessionTests.OpenGetStreamAsync(server, sessionId)).Dispose();

        // Until the server notices the first stream closed, a reopen is refused as concurrent instead.
        var (status, message) = await RetryWhileConcurrentAsync(() => StatefulSessionTests.OpenGetStreamAsync(server, sessionId));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Last-Event-ID", message);
        Assert.Contains("new session", message);
        using var ping = await server.PostAsync(JsonRpc.Request(5, "ping"), sessionId);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(5, (await JsonRpc.ReadAnswerAsync(ping)).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ResumeWithLastEventId_ReplaysMissedNotification_ThenDeliversNewOnesLive()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        var primingEventId = await OpenAndDropStandaloneStreamAsync(server, sessionId);
        await SendNotificationAsync(server, sessionId, "missed");

        using var resumed = await ResumeAsync(server, sessionId, primingEventId);
        await using var events = SseParser.Create(await resumed.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();

        Assert.Equal("missed", await NextNotificationTextAsync(events));
        await SendNotificationAsync(server, sessionId, "live");
        Assert.Equal("live", await NextNotificationTextAsync(events));
    }

    [Fact]
    public async Task GetRequest_IsConflict_WhileResumedStandaloneStreamIsOpen()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        var primingEventId = await OpenAndDropStandaloneStreamAsync(server, sessionId);
        using var resumed = await ResumeAsync(server, sessionId, primingEventId);

        using var secondResume = await StatefulSessionTests.OpenGetStreamAsync(server, sessionId, lastEventId: primingEventId);
        using var plainGet = await StatefulSessionTests.OpenGetStreamAsync(server, sessionId);

        Assert.Equal(HttpStatusCode.Conflict, secondResume.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, plainGet.StatusCode);
    }

    [Fact]
    public async Task DeleteRequest_EndsResumedStandaloneStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        var primingEventId = await OpenAndDropStandaloneStreamAsync(server, sessionId);
        using var resumed = await ResumeAsync(server, sessionId, primingEventId);
        var body = await resumed.Content.ReadAsStreamAsync();

        using var deleted = await StatefulSessionTests.DeleteAsync(server, sessionId);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        // The stream ends (read returns 0) instead of tailing a session that no longer exists.
        var buffer = new byte[1024];
        while (await body.ReadAsync(buffer).AsTask().WaitAsync(s_timeout) > 0)
        {
        }
    }

    /// <summary>Opens the first GET stream, keeps its priming event id as a client does, and drops the connection.</summary>
    private static async Task<string> OpenAndDropStandaloneStreamAsync(McpTestServer server, string sessionId)
    {
        using var first = await StatefulSessionTests.OpenGetStreamAsync(server, sessionId);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await using var events = SseParser.Create(await first.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(s_timeout), "The GET stream ended before its priming event.");
        Assert.False(string.IsNullOrEmpty(events.Current.EventId), "The priming event has no id to resume from.");
        return events.Current.EventId;
    }

    /// <summary>Has the server send an unsolicited notification and waits until the transport has taken it.</summary>
    private static async Task SendNotificationAsync(McpTestServer server, string sessionId, string text)
    {
        using var call = await server.PostAsync(JsonRpc.CallTool("notify_later", new() { ["text"] = text }), sessionId);
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        server.Probe.NotificationAllowed.Release();
        Assert.True(await server.Probe.NotificationSent.WaitAsync(s_timeout), "notify_later never sent its notification.");
    }

    /// <summary>The text of the next notifications/message on the stream, skipping events without a message (priming).</summary>
    private static async Task<string?> NextNotificationTextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        while (await events.MoveNextAsync().AsTask().WaitAsync(s_timeout))
        {
            if (events.Current.Data.Length > 0)
            {
                using var message = JsonDocument.Parse(events.Current.Data);
                Assert.Equal("notifications/message", message.RootElement.GetProperty("method").GetString());
                return message.RootElement.GetProperty("params").GetProperty("data").GetString();
            }
        }

        throw new InvalidOperationException("The resumed stream ended before the notification arrived.");
    }

    /// <summary>Repeats a GET while it is refused as concurrent: the server notices a dropped stream asynchronously.</summary>
    private static async Task<(HttpStatusCode Status, string Message)> RetryWhileConcurrentAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await send();
            var message = response.StatusCode == HttpStatusCode.OK
                ? ""
                : (await JsonRpc.ReadAnswerAsync(response)).GetProperty("error").GetProperty("message").GetString() ?? "";
            if (!message.Contains("already has an open GET stream", StringComparison.Ordinal) || attempt == 100)
            {
                return (response.StatusCode, message);
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Resumes the standalone stream, repeating while the dropped one is still held on the server.</summary>
    private static async Task<HttpResponseMessage> ResumeAsync(McpTestServer server, string sessionId, string lastEventId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await StatefulSessionTests.OpenGetStreamAsync(server, sessionId, lastEventId: lastEventId);
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 100)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }
}
