using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>A 2025-11-25 client's requests, by hand: <c>initialize</c> opens a session, and calls carry its id and no <c>Mcp-Method</c>/<c>Mcp-Name</c>.</summary>
internal static class LegacySession
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Opens a session with <paramref name="token"/> and returns its id.</summary>
    public static async Task<string> OpenAsync(Uri endpoint, string token)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize",
            ["params"] = new JsonObject
            {
                ["protocolVersion"] = RawMcp.Legacy,
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "mcpdemo-auth-test", ["version"] = "1.0.0" },
            },
        }.ToJsonString();
        using var request = RawMcp.Post(endpoint, body, method: null, protocolVersion: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(response.Headers.GetValues(McpHeaders.SessionId));
    }

    /// <summary>Calls <paramref name="tool"/> in <paramref name="session"/> with <paramref name="token"/>.</summary>
    public static Task<HttpResponseMessage> CallAsync(Uri endpoint, string session, string token, string tool, JsonObject arguments)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = tool, ["arguments"] = arguments },
        }.ToJsonString();
        var request = RawMcp.Post(endpoint, body, method: null, protocolVersion: RawMcp.Legacy);
        request.Headers.Add(McpHeaders.SessionId, session);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Http.SendAsync(request);
    }
}
