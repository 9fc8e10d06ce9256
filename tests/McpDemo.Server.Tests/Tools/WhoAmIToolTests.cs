using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.Server.Tests.Tools;

public sealed class WhoAmIToolTests(StatelessServer stateless, StatefulServer stateful)
    : IClassFixture<StatelessServer>, IClassFixture<StatefulServer>
{
    [Fact]
    public async Task WhoAmI_Stateless_TellsInstanceAndNoSession()
    {
        await using var client = await stateless.ConnectAsync();

        var result = await client.CallToolAsync("whoami");

        Assert.Equal($"instance={stateless.InstanceId} mode=Stateless session=none", Text(result));
        Assert.Equal("Stateless", result.StructuredContent!.Value.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task WhoAmI_Stateful_TellsTheClientsSession()
    {
        await using var client = await stateful.ConnectAsync();

        var result = await client.CallToolAsync("whoami");

        Assert.NotNull(client.SessionId);
        Assert.Equal($"instance={stateful.InstanceId} mode=Stateful session={client.SessionId}", Text(result));
        Assert.Equal(client.SessionId, result.StructuredContent!.Value.GetProperty("sessionId").GetString());
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
