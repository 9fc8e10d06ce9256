using System.Net;
using System.Text.Json;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class RateLimitTests
{
    private const string Current = "2026-07-28";

    // Two calls of "countdown" per client per ten minutes: no window ends during a test.
    private static readonly string[] s_limits =
        ["--Gateway:RateLimits:Tools:countdown:PermitLimit=2", "--Gateway:RateLimits:Tools:countdown:Window=00:10:00"];

    [Fact]
    public async Task CallPastTheToolsLimit_Gets429_WithRetryAfter_AndAJsonRpcError()
    {
        await using var topology = await Topology.StartAsync(1, gatewaySettings: s_limits);
        using var client = topology.Gateway.CreateClient();

        var allowed = new[] { await CallAsync(client, "countdown", "key-a"), await CallAsync(client, "countdown", "key-a") };
        using var refused = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", Current, "tools/call", "countdown", "countdown", "key-a"));
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal("2.0", error.RootElement.GetProperty("jsonrpc").GetString());
        Assert.Equal(-32000, error.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("countdown", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_ArePerClient_AndPerTool()
    {
        await using var topology = await Topology.StartAsync(1, gatewaySettings: s_limits);
        using var client = topology.Gateway.CreateClient();
        await CallAsync(client, "countdown", "key-a");
        await CallAsync(client, "countdown", "key-a");

        var anotherKey = await CallAsync(client, "countdown", "key-b");
        var anotherTool = await CallAsync(client, "ping", "key-a");
        var exhausted = await CallAsync(client, "countdown", "key-a");
        // Without an API key the client is its address, a partition of its own.
        var byAddress = await CallAsync(client, "countdown", apiKey: null);

        Assert.Equal(HttpStatusCode.OK, anotherKey);
        Assert.Equal(HttpStatusCode.OK, anotherTool);
        Assert.Equal(HttpStatusCode.TooManyRequests, exhausted);
        Assert.Equal(HttpStatusCode.OK, byAddress);
    }

    [Fact]
    public async Task DefaultLimit_AppliesToToolsNotListed()
    {
        await using var topology = await Topology.StartAsync(1, gatewaySettings: "--Gateway:RateLimits:Default:PermitLimit=1");
        using var client = topology.Gateway.CreateClient();

        var statuses = new[] { await CallAsync(client, "ping", "key-a"), await CallAsync(client, "ping", "key-a") };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string tool, string? apiKey)
    {
        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", Current, "tools/call", tool, tool, apiKey));
        return response.StatusCode;
    }
}
