using System.Net;
using System.Text.Json.Nodes;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>Stateless mode: every POST stands alone, and there is nothing to GET or DELETE.</summary>
public sealed class StatelessModeTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task GetAndDelete_AreMethodNotAllowed_WithAllowPost(string method)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);
        using var request = new HttpRequestMessage(new HttpMethod(method), server.Endpoint);
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add("Mcp-Session-Id", "anything");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(-32000, JsonRpc.ErrorCode(await JsonRpc.ReadAnswerAsync(response)));
    }

    [Fact]
    public async Task Initialize_DoesNotMintSessionId()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.Initialize());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task ToolCall_Works_WithoutPriorInitialize()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.CallTool("add", new JsonObject { ["a"] = 2, ["b"] = 3 }));

        var answer = await JsonRpc.ReadAnswerAsync(response);
        Assert.Equal("5", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ToolCall_IgnoresSessionIdHeader()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.CallTool("echo", new JsonObject { ["text"] = "x" }), sessionId: "left-over-from-elsewhere");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Core refuses the request at once (InvalidOperationException: "Sampling is not supported in stateless mode");
    // the tool reports that as a failed call instead of waiting for an answer that could reach another replica.
    [Fact]
    public async Task ServerToClientRequest_FailsFastInsteadOfHanging()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.CallTool("sample")).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonRpc.ReadAnswerAsync(response);
        var failed = answer.TryGetProperty("error", out _)
            || answer.GetProperty("result").GetProperty("isError").GetBoolean();
        Assert.True(failed, answer.ToString());
    }

    [Fact]
    public async Task ToolCalls_SeeTheirOwnHttpRequest_WhenServersAreReused()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        for (var i = 0; i < 20; i++)
        {
            using var response = await server.PostAsync(JsonRpc.CallTool("whoami"), configure: r => r.Headers.Add("X-Caller", $"caller-{i}"));
            var answer = await JsonRpc.ReadAnswerAsync(response);
            Assert.Equal($"caller-{i}", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task ConcurrentRequests_AreAnsweredIndependently()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await server.PostAsync(JsonRpc.CallTool("echo", new JsonObject { ["text"] = $"n{i}" }, id: i));
            return await JsonRpc.ReadAnswerAsync(response);
        }));

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.Equal(i, answers[i].GetProperty("id").GetInt32());
            Assert.Equal($"n{i}", answers[i].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        }
    }
}
