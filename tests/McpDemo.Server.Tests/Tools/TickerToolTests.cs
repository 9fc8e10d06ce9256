using System.Collections.Concurrent;
using System.Text.Json;
using Xunit;

namespace McpDemo.Server.Tests.Tools;

public sealed class TickerToolTests(StatelessServer stateless, StatefulServer stateful)
    : IClassFixture<StatelessServer>, IClassFixture<StatefulServer>
{
    // Spelled out: the SDK marks its logging constants obsolete (logging is deprecated from protocol 2026-07-28).
    private const string LogMessageNotification = "notifications/message";

    [Fact]
    public async Task StartTicker_Stateful_ReturnsAtOnce_ThenTicksArriveOnTheSessionStream()
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

    [Fact]
    public async Task StartTicker_Stateless_IsToolError_SayingItNeedsASession()
    {
        await using var client = await stateless.ConnectAsync();

        var result = await client.CallToolAsync("start_ticker", new Dictionary<string, object?> { ["count"] = 3, ["intervalMs"] = 50 });

        Assert.True(result.IsError);
        Assert.Contains("start_ticker needs a session", PingToolTests.ErrorText(result));
        Assert.Contains("--Mcp:SessionMode=Stateful", PingToolTests.ErrorText(result));
    }

    [Fact]
    public async Task StartTicker_IsToolError_ForASessionlessProtocolRevision_EvenOnAStatefulServer()
    {
        await using var client = await stateful.ConnectAsync("2026-07-28");

        var result = await client.CallToolAsync("start_ticker", new Dictionary<string, object?> { ["count"] = 3, ["intervalMs"] = 50 });

        Assert.True(result.IsError);
        Assert.Contains("start_ticker needs a session", PingToolTests.ErrorText(result));
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
