using System.Text.Json;
using McpDemo.Server.Tests.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.Server.Tests.Peers;

/// <summary>
/// The C# SDK client against the product server in both modes and both eras: list tools, 20 pings, countdown with
/// progress and confirm_action (MRTR under 2026-07-28, elicitation in a legacy session).
/// </summary>
public sealed class CSharpSdkPeerTests(StatelessServer stateless, StatefulServer stateful)
    : IClassFixture<StatelessServer>, IClassFixture<StatefulServer>
{
    [Theory]
    [InlineData("Stateless", "2026-07-28")]
    [InlineData("Stateful", "2026-07-28")]
    [InlineData("Stateful", "2025-11-25")]
    public async Task CSharpClient_RunsTheProductTools(string mode, string protocol)
    {
        var server = mode == "Stateless" ? (ServerProcess)stateless : stateful;
        await using var client = await server.ConnectAsync(protocol, new McpClientHandlers
        {
            ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(true) },
            }),
        });

        var tools = await client.ListToolsAsync();
        List<string> pongs = [];
        for (var i = 0; i < 20; i++)
        {
            pongs.Add(PingToolTests.ErrorText(await client.CallToolAsync("ping")));
        }
        await using var progress = new ProgressRecorder(client);
        var countdown = await client.CallToolAsync("countdown", new Dictionary<string, object?> { ["steps"] = 3, ["intervalMs"] = 10 },
            options: progress.Options);
        await progress.WaitForAsync(3);
        var confirm = await client.CallToolAsync("confirm_action", new Dictionary<string, object?> { ["action"] = "deploy" });

        Assert.Equal(protocol, client.NegotiatedProtocolVersion);
        Assert.Equal(5, tools.Count);
        Assert.All(pongs, pong => Assert.StartsWith($"pong! instance={server.InstanceId}", pong));
        Assert.Equal("liftoff after 3 steps", PingToolTests.ErrorText(countdown));
        Assert.Equal([1f, 2f, 3f], progress.Values.Select(value => value.Progress).Order());
        Assert.Equal("confirmed: deploy", PingToolTests.ErrorText(confirm));
    }
}
