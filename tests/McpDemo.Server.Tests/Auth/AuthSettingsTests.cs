using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary><c>Mcp:Auth</c> settings that cannot work stop the server at start, with one message naming the key.</summary>
public sealed class AuthSettingsTests
{
    private const string Resource = "--Mcp:Auth:Resource=https://mcp.example.com/mcp";

    [Theory]
    [InlineData("plain HTTP on a non-loopback host", "--Mcp:Auth:Authority=http://login.example.com/", Resource)]
    [InlineData("Mcp:Auth:Authority needs Mcp:Auth:Resource", "--Mcp:Auth:Authority=https://login.example.com/")]
    [InlineData("Mcp:Auth:Resource and Mcp:Auth:AllowedClients need Mcp:Auth:Authority", "--Mcp:Auth:AllowedClients:0=cognito-app-client")]
    [InlineData("Mcp:Auth:RequiredScope must be one scope", "--Mcp:Auth:Authority=https://login.example.com/", Resource, "--Mcp:Auth:RequiredScope=a b")]
    [InlineData("Mcp:Auth:Resource must be the absolute URL", "--Mcp:Auth:Authority=https://login.example.com/", "--Mcp:Auth:Resource=/mcp")]
    [InlineData("API keys or OAuth tokens, not both", "--Mcp:Auth:Authority=https://login.example.com/", Resource, "--Mcp:ApiKeys:0=a-long-enough-api-key")]
    [InlineData("Mcp:Auth:ClockSkew", "--Mcp:Auth:Authority=https://login.example.com/", Resource, "--Mcp:Auth:ClockSkew=01:00:00")]
    public async Task AnUnworkableSetting_StopsTheServer_NamingIt(string expected, params string[] settings)
    {
        await using var process = McpServerProcess.StartServer(["--urls", $"http://127.0.0.1:{FreePort.Next()}", .. settings]);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a-long-enough-api-key", process.Output, StringComparison.Ordinal);
    }
}
