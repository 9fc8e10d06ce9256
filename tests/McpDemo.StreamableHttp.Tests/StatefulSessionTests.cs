using System.Net;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>Session lifecycle in stateful mode: minting, lookup, the GET stream and DELETE.</summary>
public sealed class StatefulSessionTests
{
    [Fact]
    public async Task Initialize_MintsUrlSafeSessionIdOf256RandomBits()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        var first = await server.InitializeSessionAsync();
        var second = await server.InitializeSessionAsync();

        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.Equal(32, WebEncoders.Base64UrlDecode(first).Length);
    }

    [Fact]
    public async Task ToolCalls_SeeTheirOwnHttpRequest()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();

        for (var i = 0; i < 5; i++)
        {
            using var response = await server.PostAsync(JsonRpc.CallTool("whoami", id: 10 + i), sessionId, configure: r => r.Headers.Add("X-Caller", $"caller-{i}"));
            var answer = await JsonRpc.ReadAnswerAsync(response);
            Assert.Equal($"caller-{i}", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Initialize_WithMalformedParams_LeavesNoSession()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        using var response = await server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":42,"capabilities":"none"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Equal(0, server.Services.GetRequiredService<McpDemo.StreamableHttp.Sessions.McpSessionStore>().Count);
    }

    [Fact]
    public async Task PostRequest_EchoesSessionIdHeader()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();

        using var response = await server.PostAsync(JsonRpc.Request(5, "ping"), sessionId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sessionId, response.Headers.GetValues("Mcp-Session-Id").Single());
    }

    [Theory]
    [InlineData("unknown-session")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%00%ff garbage !@#$ ../../etc/passwd")]
    public async Task PostRequest_IsNotFound_WithUnrecognizedSessionId(string sessionId)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        using var response = await server.PostAsync(JsonRpc.Request(5, "ping"), configure: r => r.Headers.TryAddWithoutValidation("Mcp-Session-Id", sessionId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(-32001, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
    }

    [Fact]
    public async Task PostRequest_IsNotFound_WithHugeSessionId()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        using var response = await server.PostAsync(JsonRpc.Request(5, "ping"), new string('x', 8000));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostRequest_IsRefusedWithClientError_WithNonAsciiSessionId()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        var status = await RawHttp.PostWithHeaderAsync(server.Endpoint, "Mcp-Session-Id: \u00ff\u00fe\u00e9", JsonRpc.Request(5, "ping"));

        Assert.InRange(status, 400, 499);
    }

    [Fact]
    public async Task PostRequest_IsBadRequest_WithoutSessionIdForNonInitialize()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        using var response = await server.PostAsync(JsonRpc.CallTool("echo"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await JsonRpc.ReadAnswerAsync(response)).GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("Mcp-Session-Id", message);
    }

    [Fact]
    public async Task GetRequest_OpensStandaloneEventStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();

        using var response = await OpenGetStreamAsync(server, sessionId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetRequest_IsConflict_WhenSessionAlreadyHasGetStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        using var first = await OpenGetStreamAsync(server, sessionId);

        using var second = await OpenGetStreamAsync(server, sessionId);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task GetRequest_CanReopenStream_AfterPreviousOneCloses()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        (await OpenGetStreamAsync(server, sessionId)).Dispose();

        using var reopened = await RetryUntilAsync(() => OpenGetStreamAsync(server, sessionId), r => r.StatusCode == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }

    [Fact]
    public async Task GetRequest_IsNotAcceptable_WithoutEventStreamInAccept()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();

        using var response = await OpenGetStreamAsync(server, sessionId, accept: "application/json");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task GetRequest_IsBadRequest_WithoutSessionId()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        using var response = await OpenGetStreamAsync(server, sessionId: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DeleteRequest_EndsSession()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();

        using var deleted = await DeleteAsync(server, sessionId);
        using var afterwards = await server.PostAsync(JsonRpc.Request(5, "ping"), sessionId);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task GetAndDeleteRequests_AreNotFound_WithUnrecognizedSessionId(string method)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        using var response = await server.SendAsync(new HttpMethod(method), "no-such-session", r => r.Headers.Add("Accept", "text/event-stream"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteRequest_CancelsInFlightToolCall()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        var call = server.PostAsync(JsonRpc.CallTool("slow"), sessionId);
        await server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        using var deleted = await DeleteAsync(server, sessionId);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using var callResponse = await call.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.DoesNotContain("finished", await callResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeleteRequest_EndsOpenGetStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var sessionId = await server.InitializeSessionAsync();
        using var stream = await OpenGetStreamAsync(server, sessionId);
        var body = await stream.Content.ReadAsStreamAsync();

        using var deleted = await DeleteAsync(server, sessionId);

        // The stream ends (read returns 0) instead of hanging once the session is gone.
        var buffer = new byte[1024];
        while (await body.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20)) > 0)
        {
        }
    }

    internal static Task<HttpResponseMessage> OpenGetStreamAsync(
        McpTestServer server, string? sessionId, string accept = "text/event-stream", string? lastEventId = null, Action<HttpRequestMessage>? configure = null)
        => server.SendAsync(HttpMethod.Get, sessionId, request =>
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
            if (lastEventId is not null)
            {
                request.Headers.Add("Last-Event-ID", lastEventId);
            }

            configure?.Invoke(request);
        });

    internal static Task<HttpResponseMessage> DeleteAsync(McpTestServer server, string sessionId, Action<HttpRequestMessage>? configure = null)
        => server.SendAsync(HttpMethod.Delete, sessionId, configure);

    /// <summary>Repeats a request until it succeeds; the server notices a closed stream asynchronously.</summary>
    private static async Task<HttpResponseMessage> RetryUntilAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (done(response) || attempt == 100)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }
}
