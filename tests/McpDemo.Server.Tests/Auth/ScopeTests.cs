using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>
/// Per-tool scopes: a 2026-07-28 call is refused with 403 <c>insufficient_scope</c> from its <c>Mcp-Name</c> before its
/// body is read; a legacy call (no such header) gets a JSON-RPC error once the SDK has read it; <c>tools/list</c> shows a
/// caller only the tools its token may call and marks the answer private; a token with the scope gets the call.
/// </summary>
[Collection(OAuthServerCollection.Name)]
public sealed class ScopeTests(OAuthServerFixture fixture)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task StepUp_IsDecidedFromMcpName_BeforeTheBodyIsRead()
    {
        var token = await fixture.Topology.GetTokenAsync(IdentityProcess.ToolsClient, "mcp:tools");
        // Not even JSON: a server that read the body first would answer 400.
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Endpoint) { Content = new StringContent("{ not json", Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        request.Headers.Add(McpHeaders.ProtocolVersion, RawMcp.Current);
        request.Headers.Add(McpHeaders.Method, "tools/call");
        request.Headers.Add(McpHeaders.Name, "confirm_action");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"Bearer error=\"insufficient_scope\", scope=\"mcp:tools mcp:confirm\", resource_metadata=\"{fixture.MetadataUri}\"",
            Refusals.Challenge(response));
    }

    [Fact]
    public async Task AStepUpToken_GetsTheCall()
    {
        var narrow = await fixture.Topology.GetTokenAsync(IdentityProcess.FullClient, "mcp:tools");
        using (var refused = await Refusals.CallAsync(fixture.Endpoint, "confirm_action", $"Bearer {narrow}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The client asks again with every scope the challenge named, as a step-up does.
        var wide = await fixture.Topology.GetTokenAsync(IdentityProcess.FullClient, "mcp:tools mcp:confirm");
        using var served = await Refusals.CallAsync(fixture.Endpoint, "confirm_action", $"Bearer {wide}");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var result = (await RawMcp.ReadMessageAsync(served)).GetProperty("result");
        Assert.Equal("input_required", result.GetProperty("resultType").GetString());
    }

    [Fact]
    public async Task ALegacyCall_WithoutTheToolsScope_GetsAJsonRpcError()
    {
        var token = await fixture.Topology.GetTokenAsync(IdentityProcess.ToolsClient, "mcp:tools");
        var session = await LegacySession.OpenAsync(fixture.Endpoint, token);
        var mark = fixture.Topology.Server.Process.OutputMark;

        using var response = await LegacySession.CallAsync(fixture.Endpoint, session, token, "confirm_action", new JsonObject { ["action"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await RawMcp.ReadMessageAsync(response)).GetProperty("error");
        Assert.Equal(-32000, error.GetProperty("code").GetInt32());
        Assert.Contains("insufficient_scope", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("'mcp:tools mcp:confirm'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await fixture.Topology.Server.Process.WaitForOutputAsync("Refused tools/call confirm_action with a JSON-RPC error", after: mark);
        Assert.DoesNotContain(token.Split('.')[2], fixture.Topology.Server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdentityProcess.ToolsClient, "mcp:tools", new[] { "ping", "start_ticker", "whoami" })]
    [InlineData(IdentityProcess.FullClient, "mcp:tools mcp:confirm", new[] { "confirm_action", "ping", "start_ticker", "whoami" })]
    public async Task ToolsList_ShowsTheCallersTools_AsAPrivateAnswer(string client, string scope, string[] tools)
    {
        var token = await fixture.Topology.GetTokenAsync(client, scope);
        using var request = RawMcp.Post(fixture.Endpoint, RawMcp.Body("tools/list"), "tools/list");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await RawMcp.ReadMessageAsync(response)).GetProperty("result");
        // countdown needs mcp:countdown here (the fixture's setting), which neither client can get from the issuer.
        Assert.Equal(tools, result.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()).Order());
        Assert.Equal("private", result.GetProperty("cacheScope").GetString());
    }

    [Fact]
    public async Task Metadata_NamesTheConfiguredResource_TheIssuerAndTheScopes_AtBothAddresses()
    {
        foreach (var path in new[] { "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource" })
        {
            using var response = await Http.GetAsync(new Uri(fixture.Endpoint, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(fixture.Endpoint.AbsoluteUri, metadata.GetProperty("resource").GetString());
            Assert.Equal([fixture.Topology.Issuer.Issuer.AbsoluteUri], metadata.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["mcp:tools", "mcp:confirm", OAuthServerFixture.CountdownScope],
                metadata.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        }
    }
}
