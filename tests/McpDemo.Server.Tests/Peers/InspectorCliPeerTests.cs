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
    public async Task InspectorCli_CallsPing(string sessionMode)
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", sessionMode);
        await using var inspector = NodeTools.Start(
            NodeTools.Module("@modelcontextprotocol/inspector-cli/build/cli.js"),
            // In CLI mode the server URL is the positional target; --server-url only feeds the web UI.
            ["--cli", server.McpEndpoint.ToString(), "--transport", "http",
             "--method", "tools/call", "--tool-name", "ping", "--tool-arg", "delayMs=1"],
            // inspector-cli 1.0.3 checks for "../package.json" relative to the working directory but imports
            // it relative to its own module, so it only finds its package.json when both resolve: from node_modules.
            workingDirectory: Path.Combine(NodeTools.ToolsFolder, "node_modules"));

        var exitCode = await inspector.WaitForExitAsync(TimeSpan.FromSeconds(90));

        var seen = $"mcp-inspector-cli output:\n{inspector.Output}\n\nserver output:\n{server.Process.Output}";
        Assert.True(exitCode == 0, $"mcp-inspector-cli exited with {exitCode}.\n{seen}");
        var result = ParseResult(inspector.Output, seen);
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), $"ping returned an error.\n{seen}");
        var text = result.GetProperty("content")[0].GetProperty("text").GetString();
        Assert.StartsWith("pong! instance=", text);
        Assert.Contains(" d=1", text);
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
