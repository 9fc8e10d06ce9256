using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace McpDemo.AppHost.Tests;

/// <summary>Bad command lines get one clear line and exit code 2, before anything starts.</summary>
public sealed class ArgumentTests
{
    [Theory]
    [InlineData("--replicas 0", "--replicas must be a whole number from 1 to 64, not '0'.")]
    [InlineData("--replicas 1000", "--replicas must be a whole number from 1 to 64, not '1000'.")]
    [InlineData("--replicas three", "--replicas must be a whole number from 1 to 64, not 'three'.")]
    [InlineData("--mode statefull", "--mode must be stateless or stateful, not 'statefull'.")]
    [InlineData("--gateways 0", "--gateways must be a whole number from 1 to 64, not '0'.")]
    [InlineData("--gateways x", "--gateways must be a whole number from 1 to 64, not 'x'.")]
    [InlineData("--store foo", "--store must be garnet or none, not 'foo'.")]
    [InlineData("--gateway-port 70000", "--gateway-port must be a whole number from 1 to 65535, not '70000'.")]
    [InlineData("--replica 3", "unknown option '--replica'.")]
    public async Task BadArgument_IsOneClearLine_AndExitCode2(string args, string error)
    {
        await using var appHost = AppHostProcess.Start(args.Split(' '));

        var exitCode = await appHost.WaitForExitAsync(AppHostProcess.Patience);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(appHost.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: " + error, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayPortInUse_IsOneClearLine_AndExitCode2()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        await using var appHost = AppHostProcess.Start("--gateway-port", port);

        var exitCode = await appHost.WaitForExitAsync(AppHostProcess.Patience);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(appHost.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: the gateway port {port} is in use;", line, StringComparison.Ordinal);
    }
}
