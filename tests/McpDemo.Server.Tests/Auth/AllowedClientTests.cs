using System.Net;
using System.Text.Json;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>
/// Cognito's token shape (<c>client_id</c>, no <c>aud</c>) against a server configured as the AWS stack configures it:
/// <c>Mcp:Auth:AllowedClients</c>, a prefixed <c>Mcp:Auth:RequiredScope</c>, and no <c>Mcp:Auth:Resource</c>; and the
/// validated-token cache, which must not let an expired or altered token through.
/// </summary>
public sealed class AllowedClientTests(AllowedClientTests.Fixture fixture) : IClassFixture<AllowedClientTests.Fixture>
{
    private const string AllowedClient = "cognito-app-client";
    private const string RequiredScope = "mcpdemo/mcp:tools";
    private const string ConfirmScope = "mcpdemo/mcp:confirm";

    private IdentityProcess Issuer => fixture.Issuer;

    private TestProcess Server => fixture.Server.Process;

    private Uri Endpoint => fixture.Endpoint;

    private string MetadataUri => new Uri(Endpoint, "/.well-known/oauth-protected-resource/mcp").AbsoluteUri;

    /// <summary>One issuer and one server configured the Cognito way, shared by the tests.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private IdentityProcess? _issuer;
        private McpServerProcess? _server;

        /// <summary>The running issuer.</summary>
        public IdentityProcess Issuer => _issuer ?? throw new InvalidOperationException("Not started.");

        /// <summary>The running server.</summary>
        public McpServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

        /// <summary>The server's MCP endpoint; no setting names it.</summary>
        public Uri Endpoint { get; } = new($"http://127.0.0.1:{FreePort.Next()}/mcp");

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            _issuer = await IdentityProcess.StartAsync(Endpoint.AbsoluteUri);
            _server = await McpServerProcess.StartAsync("src/McpDemo.Server", new Uri(Endpoint, "/"), "Stateless", environment: null,
            [
                $"--Mcp:Auth:Authority={Issuer.Issuer.AbsoluteUri}",
                $"--Mcp:Auth:AllowedClients:0={AllowedClient}",
                $"--Mcp:Auth:RequiredScope={RequiredScope}",
                $"--Mcp:Auth:ToolScopes:confirm_action={ConfirmScope}",
                // No skew, so a token is refused the moment it expires, cached or not.
                "--Mcp:Auth:ClockSkew=00:00:00",
            ]);
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
            if (_issuer is not null)
            {
                await _issuer.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ATokenWithoutAudience_FromTheAllowedClient_IsServed()
    {
        var token = await SignAsync(AllowedClient, RequiredScope);

        using var response = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await RawMcp.ReadMessageAsync(response);
        Assert.StartsWith("pong!", answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenWithoutAudience_FromAnotherClient_IsRefused401()
    {
        var token = await SignAsync("another-app-client", RequiredScope);
        var mark = Server.OutputMark;

        using var response = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Bearer error=\"invalid_token\", resource_metadata=\"{MetadataUri}\", scope=\"{RequiredScope}\"", Refusals.Challenge(response));
        await Refusals.AssertLoggedOnceAsync(Server, mark, Endpoint, "another resource", token.Split('.')[2]);
    }

    [Fact]
    public async Task ATokenFromTheAllowedClient_ForAnotherAudience_IsRefused401()
    {
        var key = await Issuer.ReadSigningKeyAsync();
        var token = TestTokens.Sign(key, Issuer.Issuer.AbsoluteUri, "https://other.example.com/mcp", subject: AllowedClient, scope: RequiredScope);

        using var response = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheRequiredScope_ReplacesMcpTools_InChecksAndChallenges()
    {
        var unprefixed = await SignAsync(AllowedClient, "mcp:tools mcp:confirm");
        using var refused = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {unprefixed}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal($"Bearer error=\"insufficient_scope\", scope=\"{RequiredScope}\", resource_metadata=\"{MetadataUri}\"", Refusals.Challenge(refused));

        var toolsOnly = await SignAsync(AllowedClient, RequiredScope);
        using var stepUp = await Refusals.CallAsync(Endpoint, "confirm_action", $"Bearer {toolsOnly}");
        Assert.Equal(HttpStatusCode.Forbidden, stepUp.StatusCode);
        Assert.Contains($"scope=\"{RequiredScope} {ConfirmScope}\"", Refusals.Challenge(stepUp), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMetadata_NamesTheRequestsOwnEndpoint_AndTheRequiredScope()
    {
        using var http = new HttpClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(MetadataUri));

        Assert.Equal(Endpoint.AbsoluteUri, document.RootElement.GetProperty("resource").GetString());
        Assert.Equal([RequiredScope, ConfirmScope], document.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(scope => scope.GetString()));
    }

    [Fact]
    public async Task ATokenServedWhileValid_IsRefusedOnceExpired()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Sign(await Issuer.ReadSigningKeyAsync(), Issuer.Issuer.AbsoluteUri, audience: null, subject: AllowedClient,
            scope: RequiredScope, notBefore: now.AddMinutes(-1), expires: now.AddSeconds(8));
        using (var served = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {token}"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        // exp has whole seconds: wait past it.
        await Task.Delay(now.AddSeconds(10) - DateTime.UtcNow);
        var mark = Server.OutputMark;
        using var refused = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await Refusals.AssertLoggedOnceAsync(Server, mark, Endpoint, "the token has expired", token.Split('.')[2]);
    }

    [Fact]
    public async Task ATokenDifferingFromAServedOne_IsValidatedAfresh()
    {
        var token = await SignAsync(AllowedClient, RequiredScope);
        using (var served = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {token}"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
        var signature = token.Split('.')[2];
        var forged = token[..^signature.Length] + signature[..10] + (signature[10] == 'A' ? 'B' : 'A') + signature[11..];

        using var refused = await Refusals.CallAsync(Endpoint, "ping", $"Bearer {forged}");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private async Task<string> SignAsync(string client, string scope) =>
        TestTokens.Sign(await Issuer.ReadSigningKeyAsync(), Issuer.Issuer.AbsoluteUri, audience: null, subject: client, scope: scope);
}
