using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using ModelContextProtocol.Client;
using Xunit;

namespace McpDemo.Server.Tests.Tools;

public sealed class TickerToolTests(StatelessServer stateless, StatefulServer stateful)
    : IClassFixture<StatelessServer>, IClassFixture<StatefulServer>
{
    // Spelled out: the SDK marks its logging constants obsolete (logging is deprecated from protocol 2026-07-28).
    private const string LogMessageNotification = "notifications/message";

    [Fact]
    public async Task StartTicker_InALegacySession_ReturnsAtOnce_ThenTicksArriveOnTheSessionStream()
    {
        await using var client = await stateful.ConnectAsync();
        var ticks = new ConcurrentQueue<JsonElement>();
        var allTicks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = client.RegisterNotificationHandler(LogMessageNotification, (notification, _) =>
        {
            var parameters = notification.Params!.AsObject();
            if ((string?)parameters["logger"] == "ticker")
            {
                ticks.Enqueue(JsonSerializer.SerializeToElement(parameters["data"]));
                if (ticks.Count == 3)
                {
                    allTicks.TrySetResult();
                }
            }
            return ValueTask.CompletedTask;
        });

        var result = await client.CallToolAsync("start_ticker", new Dictionary<string, object?> { ["count"] = 3, ["intervalMs"] = 50 });

        Assert.NotEqual(true, result.IsError);
        await allTicks.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 3], ticks.Select(tick => tick.GetProperty("tick").GetInt32()).Order());
        Assert.All(ticks, tick =>
        {
            Assert.Equal(3, tick.GetProperty("count").GetInt32());
            Assert.Equal(stateful.InstanceId, tick.GetProperty("instance").GetString());
        });
    }

    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task StartTicker_For2026Clients_TicksArriveOnTheirSubscriptionsListenStream(string mode)
    {
        var server = mode == "Stateless" ? (ServerProcess)stateless : stateful;
        using var http = new HttpClient();
        using var listenCancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var listen = await http.SendAsync(
            RawMcp.Post(server.Endpoint,
                RawMcp.Body("subscriptions/listen", new JsonObject { ["notifications"] = new JsonObject() }, id: "listen-1"),
                "subscriptions/listen"),
            HttpCompletionOption.ResponseHeadersRead, listenCancel.Token);
        Assert.Equal("text/event-stream", listen.Content.Headers.ContentType?.MediaType);
        var events = RawMcp.ReadEventsAsync(listen, listenCancel.Token).GetAsyncEnumerator(listenCancel.Token);

        // The acknowledgement comes first, so the stream is registered before the ticker starts.
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("notifications/subscriptions/acknowledged", events.Current.GetProperty("method").GetString());

        using var call = await http.SendAsync(RawMcp.CallTool(server.Endpoint, "start_ticker", new JsonObject { ["count"] = 2, ["intervalMs"] = 20 }));
        var answer = await RawMcp.ReadMessageAsync(call);
        Assert.False(answer.GetProperty("result").TryGetProperty("isError", out var isError) && isError.GetBoolean(), answer.ToString());

        List<JsonElement> ticks = [];
        while (ticks.Count < 2 && await events.MoveNextAsync())
        {
            ticks.Add(events.Current);
        }
        Assert.All(ticks, tick =>
        {
            Assert.Equal(LogMessageNotification, tick.GetProperty("method").GetString());
            var parameters = tick.GetProperty("params");
            Assert.Equal("listen-1", parameters.GetProperty("_meta").GetProperty("io.modelcontextprotocol/subscriptionId").GetString());
            Assert.Equal(server.InstanceId, parameters.GetProperty("data").GetProperty("instance").GetString());
        });
        Assert.Equal([1, 2], ticks.Select(tick => tick.GetProperty("params").GetProperty("data").GetProperty("tick").GetInt32()));
        await events.DisposeAsync();
    }

    [Fact]
    public async Task StartTicker_For2026Clients_IsToolError_WhenNoListenStreamIsOpen()
    {
        // A server of its own: on the shared one, another test's listen stream may not have closed yet.
        await using var server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless");
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.McpEndpoint, TransportMode = HttpTransportMode.StreamableHttp }));

        var result = await client.CallToolAsync("start_ticker", new Dictionary<string, object?> { ["count"] = 3, ["intervalMs"] = 50 });

        Assert.True(result.IsError);
        Assert.Contains("open a subscriptions/listen stream first", PingToolTests.ErrorText(result));
    }

    [Theory]
    [InlineData(0, 50, "count must be between 1 and 100; got 0")]
    [InlineData(3, 5, "intervalMs must be between 10 and 60000; got 5")]
    public async Task StartTicker_IsToolError_WhenArgumentsAreOutOfRange(int count, int intervalMs, string message)
    {
        await using var client = await stateful.ConnectAsync();

        var result = await client.CallToolAsync("start_ticker", new Dictionary<string, object?> { ["count"] = count, ["intervalMs"] = intervalMs });

        Assert.True(result.IsError);
        Assert.Contains(message, PingToolTests.ErrorText(result));
    }
}
