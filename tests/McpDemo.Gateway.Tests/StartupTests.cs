using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_FailsWithAClearMessage_WithoutReplicas()
    {
        var (exitCode, output) = await RunUntilExitAsync([], []);

        Assert.Equal(1, exitCode);
        Assert.Contains("No replicas configured for service 'server'", output);
        Assert.Contains("services__server__http__0", output);
    }

    [Fact]
    public async Task Start_FailsWithAClearMessage_ForAnAddressThatIsNotAUrl()
    {
        var (exitCode, output) = await RunUntilExitAsync(
            ["--Gateway:Service=api"],
            new() { ["services__api__http__0"] = "localhost:5000" });

        Assert.Equal(1, exitCode);
        Assert.Contains("services:api:http:0 is 'localhost:5000', not an absolute http(s) URL", output);
    }

    [Fact]
    public async Task Start_FailsWithAClearMessage_ForASettingOfTheWrongType()
    {
        var (exitCode, output) = await RunUntilExitAsync(
            ["--Gateway:HealthChecks:Interval=soon"],
            new() { ["services__server__http__0"] = "http://127.0.0.1:1" });

        Assert.Equal(1, exitCode);
        Assert.Contains("The Gateway settings are invalid", output);
        Assert.Contains("soon", output);
    }

    private static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string[] settings, Dictionary<string, string?> environment)
    {
        await using var gateway = TestProcess.StartProject(
            "src/McpDemo.Gateway", ["--urls", $"http://127.0.0.1:{FreePort.Next()}", .. settings], environment);
        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, gateway.Output);
    }
}
