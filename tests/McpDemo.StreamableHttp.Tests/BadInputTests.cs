using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>
/// Hostile and broken input, in both modes: each gets a clear 4xx or JSON-RPC error, never a 5xx, and the server
/// keeps answering afterwards.
/// </summary>
public sealed class BadInputTests
{
    public static TheoryData<McpSessionMode> Modes => [McpSessionMode.Stateless, McpSessionMode.Stateful];

    public static TheoryData<McpSessionMode, string, int> MalformedBodies => new()
    {
        { McpSessionMode.Stateless, "", -32700 },
        { McpSessionMode.Stateful, "", -32700 },
        { McpSessionMode.Stateless, "{", -32700 },
        { McpSessionMode.Stateful, "{\"jsonrpc\":\"2.0\",", -32700 },
        { McpSessionMode.Stateless, "not json at all", -32700 },
        { McpSessionMode.Stateful, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing", -32700 },
        { McpSessionMode.Stateless, "[]", -32600 },
        { McpSessionMode.Stateful, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600 },
        { McpSessionMode.Stateless, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]", -32600 },
        { McpSessionMode.Stateless, "42", -32600 },
        { McpSessionMode.Stateful, "\"initialize\"", -32600 },
        { McpSessionMode.Stateless, "null", -32600 },
        { McpSessionMode.Stateless, "{}", -32600 },
        { McpSessionMode.Stateful, "{\"hello\":\"world\"}", -32600 },
        { McpSessionMode.Stateless, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", -32600 },
        { McpSessionMode.Stateless, "{\"jsonrpc\":\"2.0\",\"id\":{\"nested\":true},\"method\":\"ping\"}", -32600 },
        { McpSessionMode.Stateful, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}", -32600 },
    };

    [Theory, MemberData(nameof(MalformedBodies))]
    public async Task PostRequest_IsBadRequestWithJsonRpcError_WithMalformedBody(McpSessionMode mode, string body, int expectedCode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await JsonRpc.ReadAnswerAsync(response);
        Assert.Equal(expectedCode, JsonRpc.ErrorCode(answer));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("id").ValueKind);
        await AssertStillServesAsync(server, mode);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsRejectedClearly_WithBatch(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync("[" + JsonRpc.Initialize() + "]");

        var message = (await JsonRpc.ReadAnswerAsync(response)).GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("batch", message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsPayloadTooLarge_With8MiBBody(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync(HugeToolCall(8 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServesAsync(server, mode);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsPayloadTooLarge_With8MiBChunkedBody(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint)
        {
            // A stream of unknown length is sent chunked, without Content-Length.
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(HugeToolCall(8 * 1024 * 1024)))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Accept", "application/json, text/event-stream");

        using var response = await server.Http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServesAsync(server, mode);
    }

    [Fact]
    public async Task PostRequest_IsAccepted_JustUnderConfiguredBodyLimit()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless, o => o.MaxRequestBodySize = 64 * 1024);

        using var under = await server.PostAsync(HugeToolCall(60 * 1024));
        using var over = await server.PostAsync(HugeToolCall(70 * 1024));

        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsBadRequest_WithJsonNested100000Deep(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var deep = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":""" +
            new string('[', 100_000) + new string(']', 100_000) + "}}}";

        using var response = await server.PostAsync(deep);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32700, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
        await AssertStillServesAsync(server, mode);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsBadRequest_WithInvalidUtf8(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var prefix = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"x":" """);
        byte[] body = [.. prefix, 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}}")];
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Accept", "application/json, text/event-stream");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32700, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
    }

    public static TheoryData<McpSessionMode, string, int> UnknownTargets => new()
    {
        { McpSessionMode.Stateless, JsonRpc.Request(9, "no/such/method"), -32601 },
        { McpSessionMode.Stateful, JsonRpc.Request(9, "no/such/method"), -32601 },
        { McpSessionMode.Stateless, JsonRpc.CallTool("no_such_tool"), -32602 },
        { McpSessionMode.Stateful, JsonRpc.CallTool("no_such_tool"), -32602 },
    };

    [Theory, MemberData(nameof(UnknownTargets))]
    public async Task UnknownMethodOrTool_GetsJsonRpcError(McpSessionMode mode, string body, int expectedCode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var sessionId = mode == McpSessionMode.Stateful ? await server.InitializeSessionAsync() : null;

        using var response = await server.PostAsync(body, sessionId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedCode, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task MistypedArguments_GetToolError(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var sessionId = mode == McpSessionMode.Stateful ? await server.InitializeSessionAsync() : null;

        using var response = await server.PostAsync(JsonRpc.CallTool("add", new JsonObject { ["a"] = "two", ["b"] = new JsonArray() }), sessionId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonRpc.ReadAnswerAsync(response);
        var failed = answer.TryGetProperty("error", out _) || answer.GetProperty("result").GetProperty("isError").GetBoolean();
        Assert.True(failed, answer.ToString());
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task MalformedToolCallParams_GetJsonRpcError(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        var sessionId = mode == McpSessionMode.Stateful ? await server.InitializeSessionAsync() : null;

        using var response = await server.PostAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":"not an object"}""", sessionId);

        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.True((await JsonRpc.ReadAnswerAsync(response)).TryGetProperty("error", out _));
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task InitializeWithMalformedParams_GetsClientError(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":42,"capabilities":"none"}}""");

        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.True((await JsonRpc.ReadAnswerAsync(response)).TryGetProperty("error", out _));
        await AssertStillServesAsync(server, mode);
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task UnsupportedMethods_GetMethodNotAllowed(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, server.Endpoint));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static string HugeToolCall(int size) =>
        JsonRpc.CallTool("echo", new JsonObject { ["text"] = new string('a', size) });

    private static async Task AssertStillServesAsync(McpTestServer server, McpSessionMode mode)
    {
        using var response = await server.PostAsync(JsonRpc.Initialize());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (mode == McpSessionMode.Stateful)
        {
            Assert.True(response.Headers.Contains("Mcp-Session-Id"));
        }
    }

    /// <summary>Hides the length of its bytes so HttpClient has to send them chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
