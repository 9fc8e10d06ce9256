using McpDemo.Client.Failures;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>Endpoints that answer HTTP but are not MCP servers get a clear message and their own exit code.</summary>
public sealed class NotMcpEndpointTests(NotMcpServer server) : IClassFixture<NotMcpServer>
{
    [Fact]
    public async Task WebPage_IsNotMcp()
    {
        var run = (await ClientRun.RunAsync("tools", "--endpoint", server.BaseAddress + "/page"))
            .AssertExitCode(ExitCodes.NotMcp).AssertNoStackTrace();

        Assert.Contains("did not answer like an MCP server", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(405)]
    public async Task WrongPath_IsNotMcp_AndSuggestsTheMcpPath(int status)
    {
        var endpoint = $"{server.BaseAddress}/status/{status}";

        var run = (await ClientRun.RunAsync("--endpoint", endpoint)).AssertExitCode(ExitCodes.NotMcp).AssertNoStackTrace();

        Assert.Contains($"error: {endpoint} answered HTTP {status}", run.Output, StringComparison.Ordinal);
        Assert.Contains("usually end in /mcp", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "The server failed")]
    [InlineData(503, "no healthy replica")]
    [InlineData(401, "pass --api-key <key> or set MCP_API_KEY")]
    public async Task HttpErrorStatus_IsHttpError_WithAHint(int status, string hint)
    {
        var run = (await ClientRun.RunAsync("call", "ping", "--endpoint", $"{server.BaseAddress}/status/{status}"))
            .AssertExitCode(ExitCodes.HttpError).AssertNoStackTrace();

        Assert.Contains($"The server answered HTTP {status}", run.Output, StringComparison.Ordinal);
        Assert.Contains(hint, run.Output, StringComparison.Ordinal);
    }
}
