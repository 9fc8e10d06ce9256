using System.Text;
using System.Text.Json;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Peers;

/// <summary>The MCP Inspector CLI (<c>mcp-inspector-cli --cli</c>) against the product server.</summary>
public sealed class InspectorCliPeerTests
{
    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task InspectorCli_ListsToolsAndCallsPingAndCountdown(string sessionMode)
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", sessionMode);

        var tools = await RunAsync(server, "--method", "tools/list");
        var ping = await RunAsync(server, "--method", "tools/call", "--tool-name", "ping", "--tool-arg", "delayMs=1");
        var countdown = await RunAsync(server, "--method", "tools/call", "--tool-name", "countdown", "--tool-arg", "steps=2", "--tool-arg", "intervalMs=10");

        Assert.Equal(["confirm_action", "countdown", "ping", "start_ticker", "whoami"],
            tools.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()).Order());
        var pong = ping.GetProperty("content")[0].GetProperty("text").GetString();
        Assert.StartsWith("pong! instance=", pong);
        Assert.Contains(" d=1", pong);
        Assert.Equal("liftoff after 2 steps", countdown.GetProperty("content")[0].GetProperty("text").GetString());
    }

    private static async Task<JsonElement> RunAsync(McpServerProcess server, params string[] request)
    {
        await using var inspector = NodeTools.Start(
            NodeTools.Module("@modelcontextprotocol/inspector-cli/build/cli.js"),
            // In CLI mode the server URL is the positional target; --server-url only feeds the web UI.
            ["--cli", server.McpEndpoint.ToString(), "--transport", "http", .. request],
            // inspector-cli 1.0.3 checks for "../package.json" relative to the working directory but imports
            // it relative to its own module, so it only finds its package.json when both resolve: from node_modules.
            workingDirectory: Path.Combine(NodeTools.ToolsFolder, "node_modules"));

        var exitCode = await inspector.WaitForExitAsync(TimeSpan.FromSeconds(90));

        var seen = $"mcp-inspector-cli {string.Join(' ', request)} output:\n{inspector.Output}\n\nserver output:\n{server.Process.Output}";
        Assert.True(exitCode == 0, $"mcp-inspector-cli exited with {exitCode}.\n{seen}");
        var result = ParseResult(inspector.Output, seen);
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), $"The call returned an error.\n{seen}");
        return result;
    }

    // The CLI prints the result as pretty-printed JSON on stdout and a deprecation banner on stderr, in either
    // order in the captured output: read the one JSON value that starts at the first brace.
    private static JsonElement ParseResult(string output, string seen)
    {
        var start = output.IndexOf('{', StringComparison.Ordinal);
        Assert.True(start >= 0, $"No JSON result in the output.\n{seen}");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output[start..]));
        return JsonElement.ParseValue(ref reader);
    }
}
