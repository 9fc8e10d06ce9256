using System.ComponentModel;
using McpDemo.ConformanceServer.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Tools;

/// <summary>Tools that send notifications (log entries, progress) while they run, before their result.</summary>
[McpServerToolType]
internal sealed class NotifyingTools
{
    // Spacing the notifications out shows that clients receive them while the call is still running.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [McpServerTool(Name = "test_tool_with_logging"), Description("Sends three info log entries while it runs.")]
    public static async Task<string> ToolWithLogging(McpServer server, CancellationToken cancellationToken)
    {
        await ClientLog.SendAsync(server, LoggingLevel.Info, "Tool execution started", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await ClientLog.SendAsync(server, LoggingLevel.Info, "Tool processing data", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await ClientLog.SendAsync(server, LoggingLevel.Info, "Tool execution completed", cancellationToken);
        return "Tool with logging executed successfully";
    }

    [McpServerTool(Name = "test_tool_with_progress"), Description("Reports progress 0, 50 and 100 of 100 when the request carries a progress token.")]
    public static async Task<string> ToolWithProgress(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        CancellationToken cancellationToken)
    {
        var token = context.Params?.ProgressToken;
        for (var progress = 0; progress <= 100; progress += 50)
        {
            if (progress > 0)
            {
                await Task.Delay(Step, cancellationToken);
            }
            if (token is { } progressToken)
            {
                await server.NotifyProgressAsync(
                    progressToken,
                    new ProgressNotificationValue { Progress = progress, Total = 100 },
                    cancellationToken: cancellationToken);
            }
        }
        return token is null ? "Completed without a progress token" : "Completed with progress reported";
    }
}
