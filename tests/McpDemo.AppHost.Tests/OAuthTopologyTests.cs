using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using McpDemo.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// The default topology (<c>--auth oauth</c>) run by Aspire.Hosting.Testing: the issuer is a resource of its own that is
/// healthy before the servers start, the demo client finds it from the gateway's challenge, gets a token with client
/// credentials and finishes, and a call without a token is refused at the gateway with a Bearer challenge.
/// </summary>
public sealed class OAuthTopologyTests(OAuthTopologyTests.OAuthAppHost topology) : IClassFixture<OAuthTopologyTests.OAuthAppHost>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(3);

    private DistributedApplication App => topology.App;

    private Uri McpEndpoint => topology.McpEndpoint;

    [Fact]
    public async Task DemoClient_FindsTheIssuerFromTheChallenge_GetsATokenWithClientCredentials_AndFinishes()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var finished = await App.ResourceNotifications.WaitForResourceAsync(
            "client", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        var log = string.Join('\n', await App.LinesOfAsync("client"));

        Assert.True(finished.Snapshot.ExitCode == 0, $"The demo client exited with {finished.Snapshot.ExitCode}:\n{log}");
        Assert.Contains($"Authorization: {McpEndpoint} answered 401; its protected-resource metadata is at {new Uri(McpEndpoint, "/.well-known/oauth-protected-resource")}", log, StringComparison.Ordinal);
        Assert.Contains($"resource {McpEndpoint}", log, StringComparison.Ordinal);
        Assert.Contains($"issuer {App.GetEndpoint("identity", "http")}", log, StringComparison.Ordinal);
        Assert.Contains("token for client mcpdemo-client: scopes mcp:tools", log, StringComparison.Ordinal);
        Assert.Contains("spread:", log, StringComparison.Ordinal);
        // Neither the secret nor the token (a JWT, "eyJ..." in base64url) is ever written.
        Assert.DoesNotContain(await SecretAsync("mcp-client-secret"), log, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallWithoutAToken_Gets401AtTheGateway_WithABearerChallenge()
    {
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawMcp.CallTool(McpEndpoint, "ping", new JsonObject()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("resource_metadata=", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuer_IsAResourceOfItsOwn_HealthyAndServingDiscovery()
    {
        using var timeout = new CancellationTokenSource(s_patience);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("identity", timeout.Token);
        using var http = new HttpClient();

        var discovery = JsonNode.Parse(await http.GetStringAsync(new Uri(App.GetEndpoint("identity", "http"), "/.well-known/openid-configuration")))!;

        Assert.Equal(new Uri(App.GetEndpoint("identity", "http"), "/").AbsoluteUri, (string?)discovery["issuer"]);
    }


    private async Task<string> SecretAsync(string parameter)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        return await model.Resources.OfType<ParameterResource>().Single(p => p.Name == parameter).GetValueAsync(default) ?? "";
    }

    /// <summary>The default topology with 2 replicas, started once for the class, the gateway on a free port.</summary>
    public sealed class OAuthAppHost : IAsyncLifetime
    {
        private readonly int _gatewayPort = FreePort.Next();
        private DistributedApplication? _app;

        public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

        public Uri McpEndpoint => new($"http://localhost:{_gatewayPort.ToString(CultureInfo.InvariantCulture)}/mcp");

        public async Task InitializeAsync()
        {
            using var timeout = new CancellationTokenSource(s_patience);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.McpDemo_AppHost>(
                ["--replicas", "2", "--gateway-port", _gatewayPort.ToString(CultureInfo.InvariantCulture)], timeout.Token);
            builder.Configuration["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}";
            _app = await builder.BuildAsync(timeout.Token);
            await _app.StartAsync(timeout.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
