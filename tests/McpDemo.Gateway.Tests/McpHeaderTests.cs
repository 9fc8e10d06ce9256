using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace McpDemo.Gateway.Tests;

public sealed class McpHeaderTests
{
    private const string Current = "2026-07-28";

    [Fact]
    public async Task CurrentRequest_WithItsHeaders_IsForwarded_HeadersIntact()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", Current, method: "tools/call", name: "ping", bodyName: "ping"));
        var reply = await response.Content.ReadFromJsonAsync<ReplicaReply>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tools/call", reply!.McpMethod);
        Assert.Equal("ping", reply.McpName);
    }

    [Fact]
    public async Task CurrentRequest_WithoutMcpMethod_Gets400_HeaderMismatch()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/list", Current));

        await AssertHeaderMismatchAsync(response, "Mcp-Method");
    }

    [Fact]
    public async Task CurrentToolCall_WithoutMcpName_Gets400_HeaderMismatch()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", Current, method: "tools/call", bodyName: "ping"));

        await AssertHeaderMismatchAsync(response, "Mcp-Name");
    }

    [Fact]
    public async Task McpNameThatIsNotValidBase64_Gets400_HeaderMismatch()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", Current, method: "tools/call", name: "=?base64?***?=", bodyName: "ping"));

        await AssertHeaderMismatchAsync(response, "base64");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    [InlineData("2025-06-18")]
    public async Task LegacyRequest_WithoutTheHeaders_IsForwarded(string? protocolVersion)
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", protocolVersion, bodyName: "ping"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<ReplicaReply>())!.Instance);
    }

    [Fact]
    public async Task HeadersThatDisagreeWithTheBody_AreForwarded_ByDefault_ForTheReplicaToJudge()
    {
        await using var topology = await Topology.StartAsync(1);
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", Current, method: "tools/call", name: "cheap", bodyName: "expensive"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("tools/call", "cheap")] // another tool
    [InlineData("prompts/get", "expensive")] // another method
    public async Task WithCheckBody_HeadersThatDisagreeWithTheBody_Get400_HeaderMismatch(string method, string name)
    {
        await using var topology = await Topology.StartAsync(1, gatewaySettings: "--Gateway:Routing:CheckBody=true");
        using var client = topology.Gateway.CreateClient();

        using var response = await client.SendAsync(McpCalls.PostWithHeaders("tools/call", Current, method: method, name: name, bodyName: "expensive"));

        await AssertHeaderMismatchAsync(response, "do not match");
    }

    [Fact]
    public async Task WithCheckBody_HeadersThatAgreeWithTheBody_AreForwarded_BodyIntact()
    {
        await using var topology = await Topology.StartAsync(1, gatewaySettings: "--Gateway:Routing:CheckBody=true");
        using var client = topology.Gateway.CreateClient();

        using var post = McpCalls.PostWithHeaders("tools/call", Current, method: "tools/call", name: "=?base64?Y291bnRkb3du?=", bodyName: "countdown");
        var sent = (await post.Content!.ReadAsByteArrayAsync()).Length;
        using var response = await client.SendAsync(post);
        var reply = await response.Content.ReadFromJsonAsync<ReplicaReply>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sent, reply!.BodyLength);
    }

    private static async Task AssertHeaderMismatchAsync(HttpResponseMessage response, string messagePart)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32020, error.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(messagePart, error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
