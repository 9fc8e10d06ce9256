using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>The <c>countdown</c> tool: a long-running call that reports progress and can be cancelled.</summary>
[McpServerToolType]
public sealed class CountdownTool
{
    /// <summary>The most steps a countdown takes.</summary>
    public const int MaxSteps = 1_000;

    /// <summary>The longest wait between steps.</summary>
    public const int MaxIntervalMs = 10_000;

    /// <summary>
    /// Counts down, sending <c>notifications/progress</c> (with the request's <c>progressToken</c>) after each
    /// step in the response stream, then answers. Stops as soon as the call is cancelled.
    /// </summary>
    [McpServerTool(Name = "countdown", Title = "Countdown", ReadOnly = true, OpenWorld = false)]
    [Description("Counts down from 'steps' to zero, one step every 'intervalMs', reporting progress after each step, then answers 'liftoff'. Send a progressToken to receive the progress notifications.")]
    public async Task<string> CountdownAsync(
        IProgress<ProgressNotificationValue> progress,
        [Description("How many steps to count down, 1 to 1000.")] int steps,
        [Description("Milliseconds between steps, 0 to 10000.")] int intervalMs,
        CancellationToken cancellationToken)
    {
        ToolArguments.InRange(steps, 1, MaxSteps);
        ToolArguments.InRange(intervalMs, 0, MaxIntervalMs);
        for (var done = 1; done <= steps; done++)
        {
            await Task.Delay(intervalMs, cancellationToken);
            progress.Report(new ProgressNotificationValue { Progress = done, Total = steps, Message = $"{steps - done} to go" });
        }
        return $"liftoff after {steps} steps";
    }
}
