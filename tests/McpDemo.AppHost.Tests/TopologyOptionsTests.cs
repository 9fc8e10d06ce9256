using System.Net;
using System.Net.Sockets;
using McpDemo.Hosting;
using McpDemo.Testing;
using Microsoft.Extensions.Configuration;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// The AppHost's own options, read in-process from the configuration Aspire builds from the command line: bad values
/// are one clear line, Aspire's own arguments are left alone.
/// </summary>
public sealed class TopologyOptionsTests
{
    [Fact]
    public void NoArguments_AreTheDefaultTopology()
    {
        var options = Read();

        Assert.Equal(new TopologyOptions(McpServerSessionMode.Stateless, Replicas: 3, Gateways: 1, HasStore: true, GatewayPort: 8080, AuthMode.OAuth), options);
    }

    [Fact]
    public void EveryOption_IsRead_InBothSpellings()
    {
        var options = Read("--mode", "stateful", "--replicas=5", "--gateways", "2", "--store", "none", "--gateway-port=9090", "--auth=apikey");

        Assert.Equal(new TopologyOptions(McpServerSessionMode.Stateful, Replicas: 5, Gateways: 2, HasStore: false, GatewayPort: 9090, AuthMode.ApiKey), options);
    }

    [Fact]
    public void AspiresOwnArguments_PassThrough()
    {
        var options = Read(
            "--operation", "publish", "--step", "publish-aws-cdk", "--output-path", "out", "--publisher", "manifest",
            "--certificate-arn", "arn:aws:acm:x", "--Parameters:mcp-api-key=k", "--some-future-aspire-flag", "value", "--mode", "stateful");

        Assert.Equal(McpServerSessionMode.Stateful, options.SessionMode);
    }

    [Theory]
    [InlineData("--replicas 0", "--replicas must be a whole number from 1 to 64, not '0'.")]
    [InlineData("--replicas 1000", "--replicas must be a whole number from 1 to 64, not '1000'.")]
    [InlineData("--replicas three", "--replicas must be a whole number from 1 to 64, not 'three'.")]
    [InlineData("--replicas -1", "--replicas must be a whole number from 1 to 64, not '-1'.")]
    [InlineData("--mode statefull", "--mode must be stateless or stateful, not 'statefull'.")]
    [InlineData("--gateways 0", "--gateways must be a whole number from 1 to 64, not '0'.")]
    [InlineData("--gateways x", "--gateways must be a whole number from 1 to 64, not 'x'.")]
    [InlineData("--store foo", "--store must be garnet or none, not 'foo'.")]
    [InlineData("--gateway-port 70000", "--gateway-port must be a whole number from 1 to 65535, not '70000'.")]
    [InlineData("--auth jwt", "--auth must be oauth, apikey or none, not 'jwt'.")]
    public void BadValue_IsOneLine_SayingWhatIsWrongAndHowToRun(string args, string problem)
    {
        var options = TopologyOptions.Read(Configuration(args.Split(' ')), isRunMode: false, out var error);

        Assert.Null(options);
        Assert.NotNull(error);
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("error: " + problem, error, StringComparison.Ordinal);
        Assert.EndsWith("Run with --mode stateless|stateful, --replicas 1..64, --gateways 1..64, --store garnet|none, --auth oauth|apikey|none, --gateway-port 1..65535, --server-binary PATH.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GatewayPortInUse_IsOneLine_WhenTheAppRuns_AndNoMatterWhenPublishing()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = Configuration("--gateway-port", port);

        Assert.Null(TopologyOptions.Read(configuration, isRunMode: true, out var error));
        Assert.StartsWith($"error: the gateway port {port} is in use;", error, StringComparison.Ordinal);
        Assert.NotNull(TopologyOptions.Read(configuration, isRunMode: false, out _));
    }

    [Fact]
    public void NoAuth_RunsOnThisMachine_ButIsNeverPublished()
    {
        var configuration = Configuration("--auth", "none");

        Assert.Equal(AuthMode.None, TopologyOptions.Read(configuration, isRunMode: true, out _)?.Auth);
        Assert.Null(TopologyOptions.Read(configuration, isRunMode: false, out var error));
        Assert.StartsWith("error: --auth none is for a topology on this machine only; publish with --auth oauth or apikey.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerBinary_IsAFileThatExists_AndOnlyRunsOnThisMachine()
    {
        var binary = typeof(TopologyOptionsTests).Assembly.Location;
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(binary, TopologyOptions.Read(Configuration("--server-binary", binary, "--gateway-port", port), isRunMode: true, out _)?.ServerBinary);
        Assert.Null(TopologyOptions.Read(Configuration("--server-binary", binary + ".missing", "--gateway-port", port), isRunMode: true, out var missing));
        Assert.StartsWith($"error: --server-binary names no file: '{binary}.missing'.", missing, StringComparison.Ordinal);
        Assert.Null(TopologyOptions.Read(Configuration("--server-binary", binary), isRunMode: false, out var published));
        Assert.StartsWith("error: --server-binary runs replicas on this machine;", published, StringComparison.Ordinal);
        Assert.Null(Read().ServerBinary);
    }

    private static TopologyOptions Read(params string[] args)
    {
        var options = TopologyOptions.Read(Configuration(args), isRunMode: false, out var error);
        Assert.True(options is not null, error);
        return options;
    }

    // Aspire adds the command line to the AppHost's configuration with this provider.
    private static IConfiguration Configuration(params string[] args) => new ConfigurationBuilder().AddCommandLine(args).Build();
}
