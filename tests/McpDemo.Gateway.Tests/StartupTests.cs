using System.Security.Cryptography;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_FailsWithAClearMessage_ForAGatewaySettingOfTheWrongType()
    {
        var (exitCode, output) = await RunUntilExitAsync(
            ["--Gateway:Timeouts:Stream=soon"],
            new() { ["services__server__http__0"] = "http://127.0.0.1:1" });

        Assert.Equal(1, exitCode);
        Assert.Contains("McpDemo.Gateway cannot start", output);
        Assert.Contains("Gateway:Timeouts:Stream", output);
    }

    [Fact]
    public async Task Start_FailsWithAClearMessage_ForAProxySettingOfTheWrongType()
    {
        var (exitCode, output) = await RunUntilExitAsync(
            [$"{GatewayProcess.Cluster}:HealthCheck:Active:Interval=soon"],
            new() { ["services__server__http__0"] = "http://127.0.0.1:1" });

        Assert.Equal(1, exitCode);
        Assert.Contains("McpDemo.Gateway cannot start", output);
        Assert.Contains("soon", output);
    }

    [Fact]
    public async Task Start_FailsWithAClearMessage_ForAMalformedAffinityKey_WithoutEchoingIt()
    {
        var (exitCode, output) = await RunUntilExitAsync(
            ["--Gateway:Affinity:Key=c2hvcnQ="],
            new() { ["services__server__http__0"] = "http://127.0.0.1:1" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Gateway:Affinity:Key must be base64 of 32 random bytes", output);
        Assert.DoesNotContain("c2hvcnQ=", output);
    }

    [Fact]
    public async Task Start_FailsWithAClearMessage_ForARateLimitBelowOne()
    {
        var (exitCode, output) = await RunUntilExitAsync(
            ["--Gateway:RateLimits:Tools:ping:PermitLimit=0"],
            new() { ["services__server__http__0"] = "http://127.0.0.1:1" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Gateway:RateLimits:Tools:ping allows 0 calls", output);
    }

    [Fact]
    public async Task ReplicasAndAffinityKey_ComeFromTheCommandLine_AsTheContractSays()
    {
        await using var replica0 = await FakeReplica.StartAsync("replica-0");
        await using var replica1 = await FakeReplica.StartAsync("replica-1");
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        await using var gateway = TestProcess.StartProject("src/McpDemo.Gateway",
        [
            "--urls", address, $"--services:server:http:0={replica0.Address}", $"--services:server:http:1={replica1.Address}",
            $"--Gateway:Affinity:Key={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
        ]);
        await gateway.WaitForHttpOkAsync($"{address}/health");
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(address) };

        var instances = await client.InstancesAsync(2);

        Assert.Equal(["replica-0", "replica-1"], instances.Order());
        Assert.DoesNotContain("No Gateway:Affinity:Key is configured", gateway.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string[] settings, Dictionary<string, string?> environment)
    {
        await using var gateway = TestProcess.StartProject(
            "src/McpDemo.Gateway", ["--urls", $"http://127.0.0.1:{FreePort.Next()}", .. settings], environment);
        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, gateway.Output);
    }
}
