using McpDemo.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.Server.Tests.Conformance;

/// <summary>
/// The conformance host's subscribable resource, beyond what the suite checks: subscribers are told
/// when it changes, and stateless mode refuses subscriptions with a clear JSON-RPC error.
/// </summary>
public sealed class WatchedResourceTests
{
    private const string WatchedUri = "test://watched-resource";
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SubscribedSession_IsNotified_WhenWatchedResourceChanges()
    {
        await using var host = await McpServerProcess.StartAsync("tests/McpDemo.ConformanceServer", "Stateful");
        await using var client = await ConnectAsync(host);
        var before = await ReadTextAsync(client);
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        await using (await client.SubscribeToResourceAsync(WatchedUri, (notification, _) =>
        {
            updated.TrySetResult(notification.Uri);
            return ValueTask.CompletedTask;
        }))
        {
            Assert.Equal(WatchedUri, await updated.Task.WaitAsync(UpdateTimeout));
        }

        Assert.NotEqual(before, await ReadTextAsync(client));
    }

    [Fact]
    public async Task Subscribe_IsRefusedWithInvalidRequest_InStatelessMode()
    {
        await using var host = await McpServerProcess.StartAsync("tests/McpDemo.ConformanceServer", "Stateless");
        await using var client = await ConnectAsync(host);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync(WatchedUri));

        Assert.Equal(McpErrorCode.InvalidRequest, error.ErrorCode);
        Assert.Contains("need a session", error.Message, StringComparison.Ordinal);
    }

    // Speaks the revision the conformance suite checks: 2026-07-28 replaces resources/subscribe with subscriptions/listen.
    private static Task<McpClient> ConnectAsync(McpServerProcess host) =>
        McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = host.McpEndpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            new McpClientOptions { ProtocolVersion = "2025-11-25" });

    private static async Task<string> ReadTextAsync(McpClient client)
    {
        var result = await client.ReadResourceAsync(WatchedUri);
        return Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text;
    }
}
