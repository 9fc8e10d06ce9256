using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp.Tests.Infrastructure;

/// <summary>Test-only tools: an echo, arithmetic with typed arguments, progress before the answer, a slow call that reports cancellation, a late notification, and a sampling call.</summary>
[McpServerToolType]
public sealed class TestTools
{
    [McpServerTool(Name = "echo"), Description("Returns its text.")]
    public static string Echo(string text) => text;

    [McpServerTool(Name = "whoami"), Description("Returns the X-Caller header of the HTTP request that carried the call.")]
    public static string WhoAmI(IHttpContextAccessor accessor) => accessor.HttpContext?.Request.Headers["X-Caller"].ToString() ?? "(no request)";

    [McpServerTool(Name = "add"), Description("Adds two integers.")]
    public static int Add(int a, int b) => a + b;

    [McpServerTool(Name = "progress"), Description("Reports progress once (when the call has a progress token), then answers.")]
    public static async Task<string> ProgressAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        if (context.Params?.ProgressToken is { } token)
        {
            await context.Server.NotifyProgressAsync(token, new ModelContextProtocol.ProgressNotificationValue { Progress = 1, Total = 2 }, cancellationToken: cancellationToken);
        }
        return "done";
    }

    [McpServerTool(Name = "slow"), Description("Waits until cancelled or for a minute, telling the probe when it starts and how it ends.")]
    public static async Task<string> SlowAsync(ToolProbe probe, CancellationToken cancellationToken)
    {
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            return "finished";
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }
    }

    [McpServerTool(Name = "poll"), Description("Ends its response stream early (SSE polling), then answers on the stored stream.")]
    public static async Task<string> PollAsync(RequestContext<CallToolRequestParams> context, ToolProbe probe, CancellationToken cancellationToken)
    {
        await context.EnablePollingAsync(TimeSpan.FromMilliseconds(50), cancellationToken);
        await probe.PollAnswerAllowed.Task.WaitAsync(cancellationToken);
        return "answered after polling";
    }

    [McpServerTool(Name = "notify_later"), Description("Returns at once; sends its text as notifications/message once the probe allows it.")]
    public static string NotifyLater(McpServer server, ToolProbe probe, string text)
    {
        _ = Task.Run(async () =>
        {
            await probe.NotificationAllowed.WaitAsync();
#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but is the unsolicited message 2025-11-25 clients know.
            await server.SendNotificationAsync(
                NotificationMethods.LoggingMessageNotification,
                new LoggingMessageNotificationParams { Level = LoggingLevel.Info, Data = System.Text.Json.JsonSerializer.SerializeToElement(text) });
#pragma warning restore MCP9005
            probe.NotificationSent.Release();
        });
        return "notification pending";
    }

    // Sampling is deprecated from 2026-07-28 but is the server-to-client request 2025-11-25 clients know.
#pragma warning disable MCP9005
    [McpServerTool(Name = "sample"), Description("Asks the client to sample a completion.")]
    public static async Task<string> SampleAsync(McpServer server, CancellationToken cancellationToken)
    {
        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = "hi" }] }],
                MaxTokens = 10,
            },
            cancellationToken);
        return result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text ?? "";
    }
#pragma warning restore MCP9005
}
