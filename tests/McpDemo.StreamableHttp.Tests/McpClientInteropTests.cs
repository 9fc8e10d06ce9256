using McpDemo.StreamableHttp.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>The official C# MCP client (2.3.1) against the endpoint, with each protocol generation it speaks.</summary>
public sealed class McpClientInteropTests
{
    public static TheoryData<McpSessionMode, string?> ModesAndVersions => new()
    {
        { McpSessionMode.Stateless, null },
        { McpSessionMode.Stateful, null },
        { McpSessionMode.Stateless, "2025-11-25" },
        { McpSessionMode.Stateful, "2025-11-25" },
        { McpSessionMode.Stateful, "2025-06-18" },
    };

    [Theory, MemberData(nameof(ModesAndVersions))]
    public async Task OfficialClient_ListsAndCallsTools(McpSessionMode mode, string? protocolVersion)
    {
        await using var server = await McpTestServer.StartAsync(mode);
        await using var client = await ConnectAsync(server, protocolVersion);

        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "interop" });

        Assert.Contains(tools, tool => tool.Name == "echo");
        Assert.Equal("interop", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task OfficialClient_GetsSession_WhenItSpeaksSessionfulRevision()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        await using var client = await ConnectAsync(server, "2025-11-25");

        Assert.False(string.IsNullOrEmpty(client.SessionId));
        Assert.Equal("2025-11-25", client.NegotiatedProtocolVersion);
    }

    // Sampling is deprecated from 2026-07-28 but is the server-to-client request 2025-11-25 clients know.
#pragma warning disable MCP9005
    [Fact]
    public async Task OfficialClient_AnswersSamplingRequest_SentOverPostStream()
    {
        await using var server = await McpTestServer.StartAsync(McpSessionMode.Stateful);
        var options = new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                SamplingHandler = (request, progress, cancellationToken) => ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "test-model",
                    Role = Role.Assistant,
                    Content = [new TextContentBlock { Text = "sampled by the client" }],
                }),
            },
        };
        await using var client = await ConnectAsync(server, options);

        var result = await client.CallToolAsync("sample");

        Assert.Equal("sampled by the client", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }
#pragma warning restore MCP9005

    private static Task<McpClient> ConnectAsync(McpTestServer server, string? protocolVersion) =>
        ConnectAsync(server, new McpClientOptions { ProtocolVersion = protocolVersion });

    private static async Task<McpClient> ConnectAsync(McpTestServer server, McpClientOptions options)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = server.Endpoint, TransportMode = HttpTransportMode.StreamableHttp },
            server.Http);
        return await McpClient.CreateAsync(transport, options);
    }
}
