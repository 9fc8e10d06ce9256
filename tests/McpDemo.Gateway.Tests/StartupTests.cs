using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_FailsWithAClearMessage_WithoutReplicas()
    {
        await using var gateway = TestProcess.StartProject("src/McpDemo.Gateway", ["--urls", $"http://127.0.0.1:{FreePort.Next()}"]);

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("No replicas configured for service 'server'", gateway.Output);
        Assert.Contains("services__server__http__0", gateway.Output);
    }

    [Fact]
    public async Task Start_FailsWithAClearMessage_ForAnAddressThatIsNotAUrl()
    {
        await using var gateway = TestProcess.StartProject(
            "src/McpDemo.Gateway",
            ["--urls", $"http://127.0.0.1:{FreePort.Next()}", "--Gateway:Service=api"],
            new Dictionary<string, string?> { ["services__api__http__0"] = "localhost:5000" });

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("services:api:http:0 is 'localhost:5000', not an absolute http(s) URL", gateway.Output);
    }
}
