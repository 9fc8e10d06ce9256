using System.Text.Json;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.Server.Tests.Tools;

public sealed class PingToolTests(StatelessServer server) : IClassFixture<StatelessServer>
{
    [Fact]
    public async Task Ping_AnswersPong_WithInstanceVersionAndDelay()
    {
        await using var client = await server.ConnectAsync();

        var result = await client.CallToolAsync("ping", new Dictionary<string, object?> { ["delayMs"] = 5 });

        Assert.NotEqual(true, result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Equal($"pong! instance={server.InstanceId} v=1.0.0 d=5", text);
        var structured = result.StructuredContent!.Value;
        Assert.Equal(server.InstanceId, structured.GetProperty("instance").GetString());
        Assert.Equal("1.0.0", structured.GetProperty("version").GetString());
        Assert.Equal(5, structured.GetProperty("delayMs").GetInt32());
    }

    [Fact]
    public async Task Ping_WithoutArguments_DoesNotWait()
    {
        await using var client = await server.ConnectAsync();

        var result = await client.CallToolAsync("ping");

        Assert.EndsWith(" d=0", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public async Task Ping_IsToolError_WhenDelayIsOutOfRange(int delayMs)
    {
        await using var client = await server.ConnectAsync();

        var result = await client.CallToolAsync("ping", new Dictionary<string, object?> { ["delayMs"] = delayMs });

        Assert.True(result.IsError);
        Assert.Contains($"delayMs must be between 0 and 10000; got {delayMs}", ErrorText(result));
    }

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("1.5")]
    [InlineData("{}")]
    public async Task Ping_IsToolError_WhenDelayIsNotAnInteger(string delayJson)
    {
        await using var client = await server.ConnectAsync();

        var result = await client.CallToolAsync("ping", new Dictionary<string, object?> { ["delayMs"] = JsonDocument.Parse(delayJson).RootElement });

        Assert.True(result.IsError);
        Assert.Contains("Invalid arguments", ErrorText(result));
        // The server is unharmed.
        Assert.NotEqual(true, (await client.CallToolAsync("ping")).IsError);
    }

    [Fact]
    public async Task ListTools_DescribesEveryTool_WithAnInputSchema()
    {
        await using var client = await server.ConnectAsync();

        var tools = (await client.ListToolsAsync()).ToDictionary(tool => tool.Name);

        Assert.Equal(["confirm_action", "countdown", "ping", "start_ticker", "whoami"], tools.Keys.Order());
        Assert.All(tools.Values, tool =>
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            Assert.Equal("object", tool.JsonSchema.GetProperty("type").GetString());
        });
        Assert.Equal("integer", tools["ping"].JsonSchema.GetProperty("properties").GetProperty("delayMs").GetProperty("type").GetString());
        Assert.Equal(["intervalMs", "steps"], tools["countdown"].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
    }

    internal static string ErrorText(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
