using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>The 2026-07-28 revision: no sessions in either mode, and method and name mirrored in headers.</summary>
public sealed class SessionlessRevisionTests
{
    private const string Revision = "2026-07-28";

    public static TheoryData<McpSessionMode> Modes => [McpSessionMode.Stateless, McpSessionMode.Stateful];

    [Theory, MemberData(nameof(Modes))]
    public async Task ToolCall_IsAnsweredWithoutSession_InEitherMode(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync(ModernToolCall("echo"), configure: Headers("tools/call", "echo"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        var answer = await JsonRpc.ReadAnswerAsync(response);
        Assert.Equal("modern", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ToolCall_IsAccepted_WithBase64EncodedName()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);
        var encoded = "=?base64?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("echo")) + "?=";

        using var response = await server.PostAsync(ModernToolCall("echo"), configure: Headers("tools/call", encoded));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "echo")]
    [InlineData("tools/list", "echo")]
    [InlineData("tools/call", null)]
    [InlineData("tools/call", "add")]
    [InlineData("tools/call", "=?base64?not base64!?=")]
    public async Task ToolCall_IsBadRequestWithHeaderMismatch_WhenHeadersDisagreeWithBody(string? methodHeader, string? nameHeader)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(ModernToolCall("echo"), configure: Headers(methodHeader, nameHeader));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32020, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
    }

    [Fact]
    public async Task LegacyRevision_NeedsNoMirroredHeaders()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.CallTool("echo", new JsonObject { ["text"] = "x" }),
            configure: r => r.Headers.Add("MCP-Protocol-Version", "2025-11-25"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string ModernToolCall(string tool) => new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = 3,
        ["method"] = "tools/call",
        ["params"] = new JsonObject
        {
            ["name"] = tool,
            ["arguments"] = new JsonObject { ["text"] = "modern" },
            ["_meta"] = new JsonObject
            {
                ["io.modelcontextprotocol/protocolVersion"] = Revision,
                ["io.modelcontextprotocol/clientInfo"] = new JsonObject { ["name"] = "tests", ["version"] = "1.0.0" },
                ["io.modelcontextprotocol/clientCapabilities"] = new JsonObject(),
            },
        },
    }.ToJsonString();

    private static Action<HttpRequestMessage> Headers(string? method, string? name) => request =>
    {
        request.Headers.Add("MCP-Protocol-Version", Revision);
        if (method is not null)
        {
            request.Headers.Add("Mcp-Method", method);
        }

        if (name is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Name", name);
        }
    };
}
