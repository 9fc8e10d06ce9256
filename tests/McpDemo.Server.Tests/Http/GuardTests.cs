using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using ModelContextProtocol.Client;
using Xunit;

namespace McpDemo.Server.Tests.Http;

/// <summary>
/// The guards in front of <c>MapMcp</c> (McpDemo.Guards), each against a server process configured for it:
/// Host/Origin validation, API keys, the body limit and the validation of their settings.
/// </summary>
public sealed class GuardTests
{
    private const string KeyA = "key-a-0123456789abcdef";
    private const string KeyB = "key-b-0123456789abcdef";
    private static readonly HttpClient Http = new();

    [Theory]
    [InlineData("Host", "evil.example")]
    [InlineData("Host", "localhost.evil.com")]
    [InlineData("Host", "127.0.0.1.nip.io")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "http://localhost.evil.com")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "file://")]
    public async Task ForeignHostOrOrigin_IsForbidden_WithJsonRpcError(string header, string value)
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless");
        var request = RawMcp.CallTool(server.McpEndpoint, "ping", []);
        if (header == "Host")
        {
            request.Headers.Host = value;
        }
        else
        {
            request.Headers.Add(header, value);
        }

        using var response = await Http.SendAsync(request);

        var error = await BadInputTests.AssertRefusalAsync(response, HttpStatusCode.Forbidden, -32000);
        Assert.Contains(header, error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("localhost", null)]
    [InlineData("LOCALHOST:1234", "http://localhost:3000")]
    [InlineData("[::1]:8080", "http://127.0.0.1:6274")]
    [InlineData("mcp.example.com", "https://app.example.com")]
    public async Task LoopbackOrAllowedHostAndOrigin_AreServed(string host, string? origin)
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless", extraArguments:
            ["--Mcp:AllowedHosts:0=mcp.example.com", "--Mcp:AllowedOrigins:0=https://app.example.com"]);
        var request = RawMcp.CallTool(server.McpEndpoint, "ping", []);
        request.Headers.Host = host;
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthEndpoints_AreNotHostFiltered_SoLoadBalancersCanProbeByAddress()
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "health"));
        request.Headers.Host = "10.0.12.34:8080";

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Bearer wrong-key-0123456789", "invalid_token")]
    [InlineData("Basic a2V5LWEtMDEyMzQ1Njc4OWFiY2RlZg==", null)]
    [InlineData("Bearer", null)]
    public async Task MissingOrWrongApiKey_IsUnauthorized_WithWwwAuthenticate(string? authorization, string? error)
    {
        await using var server = await StartWithKeysAsync("Stateless");
        var request = RawMcp.CallTool(server.McpEndpoint, "ping", []);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Http.SendAsync(request);

        await BadInputTests.AssertRefusalAsync(response, HttpStatusCode.Unauthorized, -32000);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        if (error is not null)
        {
            Assert.Contains($"error=\"{error}\"", challenge.Parameter);
        }
        // The key never appears in what the server logs.
        Assert.DoesNotContain(KeyA, server.Output);
    }

    [Theory]
    [InlineData("Stateless", KeyA)]
    [InlineData("Stateless", KeyB)]
    [InlineData("Stateful", KeyA)]
    public async Task AnyConfiguredApiKey_IsServed(string mode, string key)
    {
        await using var server = await StartWithKeysAsync(mode);
        await using var client = await ConnectAsync(server, key);

        var result = await client.CallToolAsync("ping");

        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public async Task LegacySession_IsForbidden_ToAnotherApiKey()
    {
        await using var server = await StartWithKeysAsync("Stateful");
        await using var owner = await ConnectAsync(server, KeyA, "2025-11-25");
        Assert.NotNull(owner.SessionId);
        var request = RawMcp.Post(server.McpEndpoint, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}", method: null, protocolVersion: RawMcp.Legacy);
        request.Headers.Add(McpHeaders.SessionId, owner.SessionId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", KeyB);

        using var response = await Http.SendAsync(request);

        await BadInputTests.AssertRefusalAsync(response, HttpStatusCode.Forbidden, -32000);
        // The owner still has its session.
        Assert.NotEqual(true, (await owner.CallToolAsync("ping")).IsError);
    }

    [Fact]
    public async Task BodyJustUnderTheConfiguredLimit_IsServed_AndJustOverIsTooLarge()
    {
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless", extraArguments: ["--Mcp:MaxRequestBodySize=65536"]);
        string Body(int size)
        {
            var body = RawMcp.Body("tools/call", new JsonObject { ["name"] = "ping", ["arguments"] = new JsonObject { ["pad"] = "" } });
            return body.Replace("\"pad\":\"\"", $"\"pad\":\"{new string('a', size - body.Length)}\"", StringComparison.Ordinal);
        }

        using var under = await Http.SendAsync(RawMcp.Post(server.McpEndpoint, Body(65536), "tools/call", "ping"));
        using var over = await Http.SendAsync(RawMcp.Post(server.McpEndpoint, Body(65537), "tools/call", "ping"));

        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        await BadInputTests.AssertRefusalAsync(over, HttpStatusCode.RequestEntityTooLarge, -32000);
    }

    [Theory]
    [InlineData("--Mcp:SessionMode=Sticky", "Mcp:SessionMode")]
    [InlineData("--Mcp:ApiKeys:0=short", "Mcp:ApiKeys:0 is shorter than 16 characters")]
    [InlineData("--Mcp:MaxRequestBodySize=10", "Mcp:MaxRequestBodySize")]
    [InlineData("--Mcp:IdleTimeout=-00:00:01", "Mcp:IdleTimeout")]
    [InlineData("--Mcp:AllowedOrigins:0=not-an-origin", "Mcp:AllowedOrigins")]
    public async Task InvalidSettings_StopTheServerAtStartup_NamingTheKey(string argument, string expected)
    {
        await using var process = TestProcess.StartProject("src/McpDemo.Server", ["--urls", $"http://127.0.0.1:{FreePort.Next()}", argument]);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, process.Output);
        Assert.DoesNotContain("=short", process.Output);
    }

    private static Task<McpServerProcess> StartWithKeysAsync(string mode) =>
        McpServerProcess.StartAsync("src/McpDemo.Server", mode, new Dictionary<string, string?>
        {
            // Environment variables, as a deployment passes secrets, not command-line arguments.
            ["Mcp__ApiKeys__0"] = KeyA,
            ["Mcp__ApiKeys__1"] = KeyB,
        });

    private static Task<McpClient> ConnectAsync(McpServerProcess server, string key, string? protocolVersion = null) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = server.McpEndpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {key}" },
            }),
            new McpClientOptions { ProtocolVersion = protocolVersion });
}
