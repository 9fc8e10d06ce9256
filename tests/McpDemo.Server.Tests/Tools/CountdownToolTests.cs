using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.Server.Tests.Tools;

public sealed class CountdownToolTests(StatelessServer stateless, StatefulServer stateful)
    : IClassFixture<StatelessServer>, IClassFixture<StatefulServer>
{
    public static TheoryData<string> Modes => ["Stateless", "Stateful"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Countdown_ReportsProgressForEveryStep_ThenLiftsOff(string mode)
    {
        await using var client = await Server(mode).ConnectAsync();
        await using var progress = new ProgressRecorder(client);

        var result = await client.CallToolAsync(
            "countdown", new Dictionary<string, object?> { ["steps"] = 4, ["intervalMs"] = 1 }, options: progress.Options);

        Assert.Equal("liftoff after 4 steps", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        await progress.WaitForAsync(4);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], progress.Values.Select(value => (double)value.Progress).Order());
        Assert.All(progress.Values, value => Assert.Equal(4f, value.Total));
    }

    [Fact]
    public async Task Countdown_Stops_OnNotificationsCancelled()
    {
        await using var client = await stateful.ConnectAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var progressHandler = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (_, _) =>
        {
            started.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var requestId = new RequestId($"countdown-{Guid.NewGuid():N}");

        var call = client.SendRequestAsync<CallToolRequestParams, CallToolResult>(
            RequestMethods.ToolsCall,
            new CallToolRequestParams
            {
                Name = "countdown",
                Arguments = new Dictionary<string, JsonElement>
                {
                    ["steps"] = JsonSerializer.SerializeToElement(1000),
                    ["intervalMs"] = JsonSerializer.SerializeToElement(20),
                },
                Meta = new JsonObject { ["progressToken"] = "countdown-progress" },
            },
            requestId: requestId).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The SDK client does not send this by itself when a call's token is cancelled, so send it as a client would.
        await client.SendNotificationAsync(NotificationMethods.CancelledNotification, new CancelledNotificationParams { RequestId = requestId });

        // The countdown ends by cancellation (a completed one would log "completed" and answer).
        await stateful.WaitForOutputAsync($"canceled request '{requestId}' per client notification");
        // TaskCanceledException from the delay, or OperationCanceledException from a progress notification being sent.
        await stateful.WaitForOutputAsync("CanceledException");
        Assert.False(call.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(0, 10, "steps must be between 1 and 1000; got 0")]
    [InlineData(1001, 10, "steps must be between 1 and 1000; got 1001")]
    [InlineData(3, -5, "intervalMs must be between 0 and 10000; got -5")]
    public async Task Countdown_IsToolError_WhenArgumentsAreOutOfRange(int steps, int intervalMs, string message)
    {
        await using var client = await stateless.ConnectAsync();

        var result = await client.CallToolAsync("countdown", new Dictionary<string, object?> { ["steps"] = steps, ["intervalMs"] = intervalMs });

        Assert.True(result.IsError);
        Assert.Contains(message, PingToolTests.ErrorText(result));
    }

    [Fact]
    public async Task Countdown_IsToolError_WhenARequiredArgumentIsMissing()
    {
        await using var client = await stateless.ConnectAsync();

        var result = await client.CallToolAsync("countdown", new Dictionary<string, object?> { ["steps"] = 3 });

        Assert.True(result.IsError);
        Assert.Contains("intervalMs", PingToolTests.ErrorText(result));
    }

    private ServerProcess Server(string mode) => mode == "Stateful" ? stateful : stateless;
}
