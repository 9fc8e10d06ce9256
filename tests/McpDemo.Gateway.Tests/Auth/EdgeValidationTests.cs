using System.Net;
using System.Text.Json;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests.Auth;

/// <summary>The issuer, one real replica and the gateway in front of it, both with the same resource (the gateway's <c>/mcp</c>).</summary>
public sealed class EdgeFixture : IAsyncLifetime
{
    private OAuthTopology? _topology;

    /// <summary>The running topology.</summary>
    public OAuthTopology Topology => _topology ?? throw new InvalidOperationException("Not started.");

    /// <summary>The gateway's metadata document, as challenges name it.</summary>
    public string MetadataUri => new Uri(Topology.Resource, "/.well-known/oauth-protected-resource/mcp").AbsoluteUri;

    /// <inheritdoc />
    public async Task InitializeAsync() => _topology = await OAuthTopology.StartAsync(withGateway: true,
        gatewayArguments: ["--Gateway:RateLimits:Tools:whoami:PermitLimit=1", "--Gateway:RateLimits:Tools:whoami:Window=01:00:00"]);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_topology is not null)
        {
            await _topology.DisposeAsync();
        }
    }
}

/// <summary>
/// Token validation at the gateway (<c>Gateway:Auth</c>): every bad credential of item 6 is refused at the edge with the
/// challenge, logged once there, and never reaches the replica; good tokens pass, the replica's scope refusals pass
/// back unchanged, the metadata document is served through the gateway, and rate limits count the token's client.
/// </summary>
public sealed class EdgeValidationTests(EdgeFixture fixture) : IClassFixture<EdgeFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static TheoryData<string> Cases => [.. BadCredential.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadCredential_IsRefusedAtTheGateway_AndNeverReachesTheReplica(string name)
    {
        var credential = await BadCredential.CreateAsync(name, fixture.Topology);
        var gateway = fixture.Topology.Gateway!;
        var mark = gateway.OutputMark;
        var replicaMark = fixture.Topology.Server.Process.OutputMark;

        using var response = await Refusals.CallAsync(fixture.Topology.Resource, "ping", credential.Authorizations);

        Assert.Equal(credential.Status, response.StatusCode);
        var challenge = Refusals.Challenge(response);
        Assert.StartsWith(credential.Error is { } error ? $"Bearer error=\"{error}\"" : "Bearer resource_metadata=", challenge, StringComparison.Ordinal);
        Assert.Contains($"resource_metadata=\"{fixture.MetadataUri}\"", challenge, StringComparison.Ordinal);
        await Refusals.AssertLoggedOnceAsync(gateway, mark, fixture.Topology.Resource, credential.LogReason, credential.Secret);
        Assert.Empty(Refusals.Warnings(fixture.Topology.Server.Process, replicaMark));
        if (credential.Secret is { } secret)
        {
            Assert.DoesNotContain(secret, fixture.Topology.Server.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AGoodToken_IsServedThroughTheGateway()
    {
        using var response = await Refusals.CallAsync(fixture.Topology.Resource, "ping", $"Bearer {await fixture.Topology.GetTokenAsync()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await RawMcp.ReadMessageAsync(response)).GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString();
        Assert.StartsWith("pong!", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReplicasStepUpChallenge_PassesThroughTheGateway()
    {
        var token = await fixture.Topology.GetTokenAsync(IdentityProcess.ToolsClient, "mcp:tools");

        using var response = await Refusals.CallAsync(fixture.Topology.Resource, "confirm_action", $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"Bearer error=\"insufficient_scope\", scope=\"mcp:tools mcp:confirm\", resource_metadata=\"{fixture.MetadataUri}\"",
            Refusals.Challenge(response));
    }

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    [InlineData("/.well-known/oauth-protected-resource")]
    public async Task TheMetadataDocument_IsServedThroughTheGateway_WithoutAToken(string path)
    {
        using var response = await Http.GetAsync(new Uri(fixture.Topology.Resource, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(fixture.Topology.Resource.AbsoluteUri, metadata.GetProperty("resource").GetString());
        Assert.Equal(fixture.Topology.Issuer.Issuer.AbsoluteUri, metadata.GetProperty("authorization_servers")[0].GetString());
    }

    [Fact]
    public async Task RateLimits_CountTheTokensClient_NotTheAddress()
    {
        // whoami allows one call an hour per client (the fixture's setting); every call here comes from one address.
        using (var first = await Refusals.CallAsync(fixture.Topology.Resource, "whoami", $"Bearer {await fixture.Topology.GetTokenAsync()}"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        // Another token of the same client is the same client.
        using (var again = await Refusals.CallAsync(fixture.Topology.Resource, "whoami", $"Bearer {await fixture.Topology.GetTokenAsync()}"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        }
        using var other = await Refusals.CallAsync(fixture.Topology.Resource, "whoami",
            $"Bearer {await fixture.Topology.GetTokenAsync(IdentityProcess.OtherClient)}");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
