using System.Net;
using System.Net.Http.Headers;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>DNS-rebinding protection (Host and Origin) and API-key authentication, in both modes.</summary>
public sealed class SecurityTests
{
    private const string KeyA = "key-a-0123456789abcdef";
    private const string KeyB = "key-b-0123456789abcdef";

    public static TheoryData<McpSessionMode> Modes => [McpSessionMode.Stateless, McpSessionMode.Stateful];

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsForbidden_WithForeignHost(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r => r.Headers.Host = "evil.example.com");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Host", (await JsonRpc.ReadAnswerAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsForbidden_WithForeignOrigin(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r => r.Headers.Add("Origin", "http://evil.example.com"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Origin", (await JsonRpc.ReadAnswerAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:1234")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]:8080")]
    [InlineData("LOCALHOST")]
    public async Task PostRequest_IsAccepted_WithLoopbackHostAndOrigin(string host)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r =>
        {
            r.Headers.Host = host;
            r.Headers.Add("Origin", $"http://{host}");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Host", "localhost.evil.com")]
    [InlineData("Host", "127.0.0.1.nip.io")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "file://")]
    [InlineData("Origin", "not a url")]
    [InlineData("Origin", "http://localhost.evil.com")]
    public async Task PostRequest_IsForbidden_WithHostOrOriginThatOnlyLooksLocal(string header, string value)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostRequest_IsAccepted_WithConfiguredHostAndOrigin()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless, o =>
        {
            o.AllowedHosts = ["mcp.example.com"];
            o.AllowedOrigins = ["https://app.example.com"];
        });

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r =>
        {
            r.Headers.Host = "mcp.example.com:443";
            r.Headers.Add("Origin", "https://app.example.com");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostRequest_IsAccepted_WithAnyHost_WhenAllowedHostsIsWildcard()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless, o => o.AllowedHosts = ["*"]);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r => r.Headers.Host = "replica-7.internal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key-0123456789")]
    [InlineData("Basic a2V5LWEtMDEyMzQ1Njc4OWFiY2RlZg==")]
    [InlineData("Bearer")]
    public async Task PostRequest_IsUnauthorized_WithMissingOrWrongApiKey(string? authorization)
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateless, o => o.ApiKeys = [KeyA]);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: r =>
        {
            if (authorization is not null)
            {
                r.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain(KeyA, await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task PostRequest_IsAccepted_WithAnyConfiguredApiKey(McpSessionMode mode)
    {
        await using var server = await McpTestServer.StartAsync(mode, o => o.ApiKeys = [KeyA, KeyB]);

        using var response = await server.PostAsync(JsonRpc.Initialize(), configure: WithKey(KeyB));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SessionRequests_AreForbidden_ForAnotherApiKey()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful, o => o.ApiKeys = [KeyA, KeyB]);
        var sessionId = await server.InitializeSessionAsync(WithKey(KeyA));

        using var post = await server.PostAsync(JsonRpc.Request(5, "ping"), sessionId, configure: WithKey(KeyB));
        using var get = await StatefulSessionTests.OpenGetStreamAsync(server, sessionId, configure: WithKey(KeyB));
        using var delete = await StatefulSessionTests.DeleteAsync(server, sessionId, WithKey(KeyB));
        using var owner = await server.PostAsync(JsonRpc.Request(6, "ping"), sessionId, configure: WithKey(KeyA));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task SessionRequests_AreForbidden_ForAnotherAuthenticatedUser()
    {
        await using var server = await McpTestServer.StartAsync(
            McpSessionMode.Stateful,
            configureApp: app => app.Use((HttpContext context, RequestDelegate next) =>
            {
                // Stands in for a real authentication handler: the user named by a test header.
                if (context.Request.Headers["X-Test-User"].ToString() is { Length: > 0 } name)
                {
                    context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                        [new System.Security.Claims.Claim("sub", name)], "Test"));
                }

                return next(context);
            }));
        var sessionId = await server.InitializeSessionAsync(r => r.Headers.Add("X-Test-User", "alice"));

        using var mallory = await server.PostAsync(JsonRpc.Request(5, "ping"), sessionId, configure: r => r.Headers.Add("X-Test-User", "mallory"));
        using var anonymous = await server.PostAsync(JsonRpc.Request(6, "ping"), sessionId);
        using var alice = await server.PostAsync(JsonRpc.Request(7, "ping"), sessionId, configure: r => r.Headers.Add("X-Test-User", "alice"));

        Assert.Equal(HttpStatusCode.Forbidden, mallory.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
    }

    private static Action<HttpRequestMessage> WithKey(string key) => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
}
