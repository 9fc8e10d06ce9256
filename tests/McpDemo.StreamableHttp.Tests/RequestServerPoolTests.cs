using System.Text.Json;
using McpDemo.StreamableHttp.Stateless;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>Which stateless requests may reuse a pooled server: only those that cannot leave state behind.</summary>
public sealed class RequestServerPoolTests
{
    [Theory]
    [InlineData("tools/call")]
    [InlineData("tools/list")]
    [InlineData("prompts/get")]
    [InlineData("resources/read")]
    [InlineData("ping")]
    public void Request_ReadingOrInvokingPrimitives_LeavesNoState(string method)
    {
        Assert.True(RequestServerPool.LeavesNoState(Parse(RequestJson(method))));
    }

    [Theory]
    [InlineData("initialize")]
    [InlineData("logging/setLevel")]
    [InlineData("resources/subscribe")]
    [InlineData("server/discover")]
    [InlineData("vendor/custom")]
    public void Request_ThatMayRecordState_IsNeverPooled(string method)
    {
        Assert.False(RequestServerPool.LeavesNoState(Parse(RequestJson(method))));
    }

    [Fact]
    public void Notification_IsNeverPooled()
    {
        Assert.False(RequestServerPool.LeavesNoState(Parse("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")));
    }

    [Fact]
    public void Request_WithPerRequestProtocolVersion_IsNeverPooled()
    {
        var message = Parse(RequestJson("tools/call"));
        message.Context = new JsonRpcMessageContext { ProtocolVersion = "2026-07-28" };

        Assert.False(RequestServerPool.LeavesNoState(message));
    }

    private static string RequestJson(string method) => Infrastructure.JsonRpc.Request(1, method);

    private static JsonRpcMessage Parse(string json) =>
        (JsonRpcMessage)JsonSerializer.Deserialize(json, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)))!;
}
