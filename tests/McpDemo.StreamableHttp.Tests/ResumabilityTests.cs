using System.Net;
using System.Text.Json;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>Resuming a response stream with <c>Last-Event-ID</c> after the server closed it (SSE polling).</summary>
public sealed class ResumabilityTests
{
    [Fact]
    public async Task GetWithLastEventId_ReplaysAnswerOfClosedPostStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();

        // The poll tool ends the POST stream early; the client keeps the last event id it saw.
        using var post = await server.PostAsync(JsonRpc.CallTool("poll", id: 7), sessionId, completion: HttpCompletionOption.ResponseHeadersRead);
        var postEvents = await ReadEventsAsync(post);
        Assert.DoesNotContain(postEvents, e => e.Data.Length > 0);
        var lastEventId = postEvents.Last().Id;
        Assert.False(string.IsNullOrEmpty(lastEventId));
        Assert.Contains(postEvents, e => e.Retry is not null);

        server.Probe.PollAnswerAllowed.SetResult();
        var answer = await ResumeUntilAnswerAsync(server, sessionId, lastEventId);

        Assert.Equal(7, answer.GetProperty("id").GetInt32());
        Assert.Equal("answered after polling", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("no-such-event")]
    [InlineData("000000000000-1-1")]
    public async Task GetWithLastEventId_IsBadRequest_WithUnknownEventId(string lastEventId)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();

        using var response = await StatefulSessionTests.OpenGetStreamAsync(server, sessionId, lastEventId: lastEventId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetWithLastEventId_IsBadRequest_ForAnotherSessionsStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var owner = await server.InitializeSessionAsync();
        var other = await server.InitializeSessionAsync();
        using var post = await server.PostAsync(JsonRpc.CallTool("poll"), owner, completion: HttpCompletionOption.ResponseHeadersRead);
        var lastEventId = (await ReadEventsAsync(post)).Last().Id;

        using var response = await StatefulSessionTests.OpenGetStreamAsync(server, other, lastEventId: lastEventId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonElement> ResumeUntilAnswerAsync(McpTestServer server, string sessionId, string lastEventId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var resumed = await StatefulSessionTests.OpenGetStreamAsync(server, sessionId, lastEventId: lastEventId);
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
            foreach (var sseEvent in await ReadEventsAsync(resumed))
            {
                lastEventId = sseEvent.Id ?? lastEventId;
                if (sseEvent.Data.Length > 0)
                {
                    return JsonDocument.Parse(sseEvent.Data).RootElement.Clone();
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The resumed stream never delivered the tool's answer.");
    }

    /// <summary>Reads an SSE body to its end (the server closes polled streams) into its events.</summary>
    private static async Task<List<(string? Id, string Data, string? Retry)>> ReadEventsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var events = new List<(string? Id, string Data, string? Retry)>();
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? id = null, retry = null;
            var data = "";
            foreach (var line in block.Split('\n'))
            {
                var colon = line.IndexOf(':');
                var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart());
                switch (field)
                {
                    case "id": id = value; break;
                    case "data": data += value; break;
                    case "retry": retry = value; break;
                }
            }

            events.Add((id, data, retry));
        }

        return events;
    }
}
