using System.Net;
using System.Text.Json.Nodes;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>The POST checks, in the order they run, in both session modes.</summary>
public sealed class PostRequestTests
{
    public static TheoryData<McpSessionMode> Modes => [McpSessionMode.Stateless, McpSessionMode.Stateful];

    [Fact]
    public async Task PostRequest_WithALoneAnswer_GetsItAsJson()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.Initialize());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(1, (int)answer["id"]!);
        Assert.Equal("streamable-http-tests", (string?)answer["result"]!["serverInfo"]!["name"]);
    }

    [Fact]
    public async Task PostRequest_WithALoneAnswer_GetsAnEventStream_WhenJsonIsNotPreferred()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless, options => options.PreferJsonResponses = false);

        using var response = await server.PostAsync(JsonRpc.Initialize());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await JsonRpc.ReadAnswerAsync(response)).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task StatefulPostRequest_GetsAResumableEventStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);

        using var response = await server.PostAsync(JsonRpc.Initialize());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id:", body);
        Assert.Equal(1, Assert.Single(JsonRpc.ReadSseMessages(body)).GetProperty("id").GetInt32());
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_ThatStreamsBeforeItsAnswer_GetsAnUnbufferedEventStream(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var sessionId = mode == McpSessionMode.Stateful ? await server.InitializeSessionAsync() : null;
        var call = JsonRpc.Request(2, "tools/call", new JsonObject
        {
            ["name"] = "progress",
            ["arguments"] = new JsonObject(),
            ["_meta"] = new JsonObject { ["progressToken"] = "p-1" },
        });

        using var response = await server.PostAsync(call, sessionId);
        var messages = JsonRpc.ReadSseMessages(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        Assert.Collection(messages,
            progress => Assert.Equal("notifications/progress", progress.GetProperty("method").GetString()),
            answer => Assert.Equal(2, answer.GetProperty("id").GetInt32()));
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostNotification_IsAcceptedWithoutBody(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var sessionId = mode == McpSessionMode.Stateful ? await server.InitializeSessionAsync() : null;

        using var response = await server.PostAsync(JsonRpc.Notification("notifications/initialized"), sessionId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostResponse_IsAccepted(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var sessionId = mode == McpSessionMode.Stateful ? await server.InitializeSessionAsync() : null;

        using var response = await server.PostAsync("""{"jsonrpc":"2.0","id":"s-1","result":{}}""", sessionId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    [InlineData("*/*")]
    [InlineData("")]
    public async Task PostRequest_IsNotAcceptable_WithoutBothMediaTypesInAccept(string accept)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.Initialize(), accept: accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(-32000, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
    }

    [Fact]
    public async Task PostRequest_IsAccepted_WithMediaTypeParametersAndOddCasing()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(
            JsonRpc.Initialize(), accept: "Application/JSON;q=0.9, TEXT/event-stream", contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/jsonx")]
    public async Task PostRequest_IsUnsupportedMediaType_WithNonJsonContentType(string contentType)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.Initialize(), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task PostRequest_ChecksAcceptBeforeContentType()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync("not json", accept: "text/html", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task PostRequest_ChecksContentTypeBeforeBody()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync("not json", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsBadRequest_WithUnsupportedProtocolVersion(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r => r.Headers.Add("MCP-Protocol-Version", "1999-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await JsonRpc.ReadAnswerAsync(response);
        Assert.Contains("1999-01-01", answer.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostRequest_ChecksBodyBeforeProtocolVersion()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync("{", configure: r => r.Headers.Add("MCP-Protocol-Version", "1999-01-01"));

        Assert.Equal(-32700, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsAccepted_WithEverySupportedInitializeProtocolVersion(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        foreach (var version in new[] { "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25" })
        {
            using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r => r.Headers.Add("MCP-Protocol-Version", version));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task ToolCall_ReturnsToolResult(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var sessionId = mode == McpSessionMode.Stateful ? await server.InitializeSessionAsync() : null;

        using var response = await server.PostAsync(JsonRpc.CallTool("echo", new JsonObject { ["text"] = "hello" }), sessionId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonRpc.ReadAnswerAsync(response);
        Assert.Equal("hello", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }
}
