using McpDemo.Client.Failures;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>The client against a server that requires an API key (<c>--Mcp:ApiKeys:0=...</c>).</summary>
public sealed class ApiKeyTests(ApiKeyServer server) : IClassFixture<ApiKeyServer>
{
    [Fact]
    public async Task ApiKeyOption_IsSentAsBearerToken_AndNeverPrinted()
    {
        var run = (await ClientRun.RunAsync("--endpoint", server.Endpoint.AbsoluteUri, "--count", "2", "--api-key", ApiKeyServer.ApiKey))
            .AssertExitCode(ExitCodes.Success);

        Assert.Contains($"spread: {server.InstanceId}=2", run.Lines);
        Assert.DoesNotContain(ApiKeyServer.ApiKey, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyVariable_IsSent_WhenTheOptionIsAbsent()
    {
        var run = await ClientRun.RunAsync(
            ["call", "ping", "--endpoint", server.Endpoint.AbsoluteUri],
            new Dictionary<string, string?> { ["MCP_API_KEY"] = ApiKeyServer.ApiKey });

        run.AssertExitCode(ExitCodes.Success);
        Assert.StartsWith($"pong! instance={server.InstanceId}", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingApiKey_FailsWithOneLine_SayingHowToSetIt()
    {
        var run = (await ClientRun.RunAsync("--endpoint", server.Endpoint.AbsoluteUri, "--count", "1"))
            .AssertExitCode(ExitCodes.HttpError)
            .AssertNoStackTrace();

        Assert.Contains("HTTP 401", run.Output, StringComparison.Ordinal);
        Assert.Contains("--api-key", run.Output, StringComparison.Ordinal);
        Assert.Contains("MCP_API_KEY", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongApiKey_IsRejected_WithoutEchoingIt()
    {
        const string WrongKey = "not-the-server-key-0000000000";

        var run = (await ClientRun.RunAsync("tools", "--endpoint", server.Endpoint.AbsoluteUri, "--api-key", WrongKey))
            .AssertExitCode(ExitCodes.HttpError)
            .AssertNoStackTrace();

        Assert.Contains("HTTP 401", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, run.Output, StringComparison.Ordinal);
    }
}
