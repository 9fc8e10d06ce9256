using System.Net;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>Configuration binding from the <c>Mcp</c> section and validation at startup.</summary>
public sealed class OptionsTests
{
    [Fact]
    public async Task CommandLine_SelectsStatefulMode()
    {
        await using var server = await McpTestServer.StartWithArgsAsync(["--Mcp:SessionMode=Stateful"]);

        using var response = await server.PostAsync(JsonRpc.Initialize());

        Assert.True(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task CommandLine_SelectsStatelessMode()
    {
        await using var server = await McpTestServer.StartWithArgsAsync(["--Mcp:SessionMode=Stateless"]);

        using var response = await server.Http.GetAsync(server.Endpoint);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Configuration_BindsListsAndLimits()
    {
        await using var server = await McpTestServer.StartWithArgsAsync(
            ["--Mcp:AllowedHosts:0=mcp.example.com", "--Mcp:ApiKeys:0=configured-key-0123456789", "--Mcp:MaxRequestBodySize=2048"]);

        using var unauthorized = await server.PostAsync(JsonRpc.Initialize(), configure: r => r.Headers.Host = "mcp.example.com");
        using var tooLarge = await server.PostAsync(JsonRpc.CallTool("echo", new() { ["text"] = new string('a', 4096) }),
            configure: r => r.Headers.Authorization = new("Bearer", "configured-key-0123456789"));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Theory]
    [InlineData("--Mcp:SessionMode=Sometimes", "SessionMode")]
    [InlineData("--Mcp:IdleTimeout=-00:00:01", "Mcp:IdleTimeout")]
    [InlineData("--Mcp:MaxSessions=0", "Mcp:MaxSessions")]
    [InlineData("--Mcp:MaxRequestBodySize=10", "Mcp:MaxRequestBodySize")]
    [InlineData("--Mcp:ApiKeys:0=short", "Mcp:ApiKeys:0")]
    [InlineData("--Mcp:AllowedOrigins:0=app.example.com", "Mcp:AllowedOrigins")]
    [InlineData("--Mcp:MaxEventsPerStream=0", "Mcp:MaxEventsPerStream")]
    public async Task Startup_Fails_WithMessageNamingInvalidSetting(string argument, string expectedKey)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => McpTestServer.StartWithArgsAsync([argument]));

        Assert.Contains(expectedKey, failure.Message);
    }

    [Fact]
    public async Task Startup_Failure_DoesNotEchoApiKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => McpTestServer.StartWithArgsAsync(["--Mcp:ApiKeys:0=secret1"]));

        Assert.DoesNotContain("secret1", failure.Message);
    }
}
