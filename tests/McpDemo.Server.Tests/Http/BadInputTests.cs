using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.Server.Tests.Tools;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Http;

/// <summary>
/// Hostile and broken input against the product server, in both modes: each case gets the right 4xx or JSON-RPC
/// error, never a 5xx, and the server keeps serving afterwards. The 2025 matrix (bodies, media types, sizes,
/// sessions) and the 2026-07-28 one (MCP headers, removed methods, <c>_meta</c>, listen params).
/// </summary>
public sealed class BadInputTests(StatelessServer stateless, StatefulServer stateful)
    : IClassFixture<StatelessServer>, IClassFixture<StatefulServer>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static TheoryData<string, string, int> MalformedBodies()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var mode in new[] { "Stateless", "Stateful" })
        {
            foreach (var body in new[]
            {
                "", "{", "not json at all", "[]", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "42", "null", "{}",
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"nested\":true},\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}",
                new string('[', 100_000),
                // A malformed initialize: the SDK lets its binding error escape; the guards answer 400, not 500.
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":42}}",
            })
            {
                data.Add(mode, body, -32600);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(MalformedBodies))]
    public async Task MalformedBody_IsBadRequest_WithJsonRpcError(string mode, string body, int code)
    {
        using var response = await Http.SendAsync(RawMcp.Post(Server(mode).Endpoint, body, method: null, protocolVersion: null));

        await AssertRefusalAsync(response, HttpStatusCode.BadRequest, code);
        await AssertStillServesAsync(mode);
    }

    [Theory, InlineData("Stateless"), InlineData("Stateful")]
    public async Task InvalidUtf8_IsBadRequest(string mode)
    {
        var request = RawMcp.Post(Server(mode).Endpoint, "", method: null, protocolVersion: null);
        request.Content = new ByteArrayContent([.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""u8, 0xff, 0xfe, .. "\"}"u8]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Http.SendAsync(request);

        await AssertRefusalAsync(response, HttpStatusCode.BadRequest, -32600);
        await AssertStillServesAsync(mode);
    }

    [Theory, InlineData("Stateless", false), InlineData("Stateful", false), InlineData("Stateless", true), InlineData("Stateful", true)]
    public async Task BodyOver4MiB_IsPayloadTooLarge(string mode, bool chunked)
    {
        var body = RawMcp.Body("tools/call", new JsonObject
        {
            ["name"] = "ping",
            ["arguments"] = new JsonObject { ["padding"] = new string('a', 5 * 1024 * 1024) },
        });
        var request = RawMcp.Post(Server(mode).Endpoint, body, "tools/call", "ping");
        if (chunked)
        {
            // No Content-Length: Kestrel stops reading at the limit instead.
            request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TransferEncodingChunked = true;
        }

        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // Kestrel may answer 413 and close before the whole body is sent; the client then sees a broken pipe.
            await AssertStillServesAsync(mode);
            return;
        }
        using (response)
        {
            await AssertRefusalAsync(response, HttpStatusCode.RequestEntityTooLarge, -32000);
        }
        await AssertStillServesAsync(mode);
    }

    [Theory, InlineData("Stateless"), InlineData("Stateful")]
    public async Task WrongContentType_IsUnsupportedMediaType_WithJsonRpcError(string mode)
    {
        var request = RawMcp.Post(Server(mode).Endpoint, RawMcp.Body("tools/list"), "tools/list");
        request.Content = new StringContent(RawMcp.Body("tools/list"), Encoding.UTF8, "text/plain");

        using var response = await Http.SendAsync(request);

        await AssertRefusalAsync(response, HttpStatusCode.UnsupportedMediaType, -32000);
    }

    [Theory, InlineData("Stateless", "PUT"), InlineData("Stateful", "PUT"), InlineData("Stateless", "GET"), InlineData("Stateless", "DELETE")]
    public async Task UnsupportedHttpMethod_IsMethodNotAllowed_WithJsonRpcError(string mode, string method)
    {
        using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Server(mode).Endpoint));

        await AssertRefusalAsync(response, HttpStatusCode.MethodNotAllowed, -32000);
    }

    [Theory, InlineData("Stateless"), InlineData("Stateful")]
    public async Task Get_With2026ProtocolVersion_IsMethodNotAllowed(string mode)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Server(mode).Endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add(McpHeaders.ProtocolVersion, RawMcp.Current);

        using var response = await Http.SendAsync(request);

        await AssertRefusalAsync(response, HttpStatusCode.MethodNotAllowed, -32000);
    }

    [Fact]
    public async Task UnknownSession_IsNotFound_InStatefulMode()
    {
        var request = RawMcp.Post(stateful.Endpoint, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", method: null, protocolVersion: RawMcp.Legacy);
        request.Headers.Add(McpHeaders.SessionId, "no-such-session");

        using var response = await Http.SendAsync(request);

        await AssertRefusalAsync(response, HttpStatusCode.NotFound, -32001);
    }

    [Theory, InlineData("Stateless"), InlineData("Stateful")]
    public async Task UnknownMethodOrTool_GetsJsonRpcError(string mode)
    {
        await using var client = await Server(mode).ConnectAsync("2025-11-25");

        var unknownTool = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => client.CallToolAsync("no_such_tool").AsTask());
        var unknownMethod = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(
            () => client.SendRequestAsync(new ModelContextProtocol.Protocol.JsonRpcRequest { Method = "no/such/method" }));

        Assert.Equal(ModelContextProtocol.McpErrorCode.InvalidParams, unknownTool.ErrorCode);
        Assert.Equal(ModelContextProtocol.McpErrorCode.MethodNotFound, unknownMethod.ErrorCode);
    }

    public static TheoryData<string, string, string?, string?, string, HttpStatusCode, int> Revision2026Cases()
    {
        var data = new TheoryData<string, string, string?, string?, string, HttpStatusCode, int>();
        var listTools = RawMcp.Body("tools/list");
        var callPing = RawMcp.Body("tools/call", new JsonObject { ["name"] = "ping" });
        foreach (var mode in new[] { "Stateless", "Stateful" })
        {
            // case, body, Mcp-Method, Mcp-Name, description, status, JSON-RPC code
            data.Add(mode, listTools, "tools/call", null, "Mcp-Method mismatch", HttpStatusCode.BadRequest, -32020);
            data.Add(mode, listTools, null, null, "missing Mcp-Method", HttpStatusCode.BadRequest, -32020);
            data.Add(mode, callPing, "tools/call", "whoami", "Mcp-Name mismatch", HttpStatusCode.BadRequest, -32020);
            data.Add(mode, callPing, "tools/call", null, "missing Mcp-Name", HttpStatusCode.BadRequest, -32020);
            foreach (var removed in new[] { "ping", "initialize", "logging/setLevel", "resources/subscribe", "resources/unsubscribe" })
            {
                data.Add(mode, RawMcp.Body(removed, new JsonObject { ["uri"] = "x", ["level"] = "info" }), removed, null,
                    $"removed method {removed}", HttpStatusCode.NotFound, -32601);
            }
            data.Add(mode, RawMcp.Body("tools/list", meta: new JsonObject { ["io.modelcontextprotocol/protocolVersion"] = 42 }),
                "tools/list", null, "_meta version not a string", HttpStatusCode.BadRequest, -32602);
            data.Add(mode, RawMcp.Body("tools/list", meta: JsonValue.Create("x")), "tools/list", null, "_meta not an object", HttpStatusCode.BadRequest, -32602);
            var badCapabilities = RawMcp.Meta();
            badCapabilities["io.modelcontextprotocol/clientCapabilities"] = "x";
            data.Add(mode, RawMcp.Body("tools/list", meta: badCapabilities), "tools/list", null, "_meta capabilities not an object",
                HttpStatusCode.BadRequest, -32602);
        }
        return data;
    }

    [Theory, MemberData(nameof(Revision2026Cases))]
    public async Task Revision2026_BadRequest_GetsTheSpecifiedError(
        string mode, string body, string? mcpMethod, string? mcpName, string description, HttpStatusCode status, int code)
    {
        using var response = await Http.SendAsync(RawMcp.Post(Server(mode).Endpoint, body, mcpMethod, mcpName));

        await AssertRefusalAsync(response, status, code, description);
        await AssertStillServesAsync(mode);
    }

    [Theory, InlineData("Stateless"), InlineData("Stateful")]
    public async Task Revision2026_UnsupportedVersionInMeta_IsUnsupportedProtocolVersion(string mode)
    {
        using var response = await Http.SendAsync(
            RawMcp.Post(Server(mode).Endpoint, RawMcp.Body("tools/list", meta: RawMcp.Meta("2099-01-01")), "tools/list", protocolVersion: "2099-01-01"));

        var error = await AssertRefusalAsync(response, HttpStatusCode.BadRequest, -32022);
        Assert.Contains(RawMcp.Current, error.GetProperty("data").GetProperty("supported").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("Stateless", "\"garbage\"")]
    [InlineData("Stateful", "\"garbage\"")]
    [InlineData("Stateless", "{\"resourceSubscriptions\":42}")]
    [InlineData("Stateless", "[1,2]")]
    public async Task Revision2026_GarbageListenParams_AreInvalidParams(string mode, string notifications)
    {
        var body = RawMcp.Body("subscriptions/listen", new JsonObject { ["notifications"] = JsonNode.Parse(notifications) });

        using var response = await Http.SendAsync(RawMcp.Post(Server(mode).Endpoint, body, "subscriptions/listen"));

        await AssertRefusalAsync(response, HttpStatusCode.OK, -32602);
        await AssertStillServesAsync(mode);
    }

    [Theory]
    [InlineData("Stateless", "42")]
    [InlineData("Stateful", "42")]
    [InlineData("Stateless", "{\"forged\":true}")]
    [InlineData("Stateless", "[\"a\"]")]
    [InlineData("Stateless", "true")]
    public async Task Revision2026_RequestStateNotAString_IsInvalidParams(string mode, string requestState)
    {
        var request = RawMcp.CallTool(Server(mode).Endpoint, "confirm_action", new JsonObject { ["action"] = "deploy" },
            parameters => parameters["requestState"] = JsonNode.Parse(requestState));

        using var response = await Http.SendAsync(request);

        await AssertRefusalAsync(response, HttpStatusCode.OK, -32602, $"requestState {requestState}");
        await AssertStillServesAsync(mode);
    }

    private ServerProcess Server(string mode) => mode == "Stateless" ? stateless : stateful;

    /// <summary>Asserts the status and a JSON-RPC error body with <paramref name="code"/>; returns the error object.</summary>
    internal static async Task<JsonElement> AssertRefusalAsync(HttpResponseMessage response, HttpStatusCode status, int code, string? description = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        var seen = $"{description} -> {(int)response.StatusCode}: {body}";
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {seen}");
        var message = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? JsonDocument.Parse(body.Split('\n').First(line => line.StartsWith("data:", StringComparison.Ordinal))["data:".Length..]).RootElement
            : JsonDocument.Parse(body).RootElement;
        Assert.Equal("2.0", message.GetProperty("jsonrpc").GetString());
        Assert.True(message.TryGetProperty("error", out var error), seen);
        Assert.True(code == error.GetProperty("code").GetInt32(), seen);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), seen);
        return error.Clone();
    }

    private async Task AssertStillServesAsync(string mode)
    {
        using var response = await Http.SendAsync(RawMcp.CallTool(Server(mode).Endpoint, "ping", []));
        var answer = await RawMcp.ReadMessageAsync(response);
        Assert.StartsWith("pong!", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }
}
