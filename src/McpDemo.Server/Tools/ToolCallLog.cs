namespace McpDemo.Server.Tools;

/// <summary>
/// A log line for each tool call whose trace is recorded, so a traced call has its log beside it (the dashboard's
/// Logs page links one to the other). Calls whose trace is not recorded are not logged: at Information, a log record
/// per call costs a busy replica more throughput than the call's spans (eng/bench-telemetry.sh), and with traces
/// sampled the lines would mostly point at traces that were never kept.
/// </summary>
public sealed partial class ToolCallLog(ILogger<ToolCallLog> logger)
{
    /// <summary>Logs that <paramref name="toolName"/> answered after <paramref name="elapsed"/>; called only while its trace is recorded.</summary>
    public void Answered(string toolName, TimeSpan elapsed, bool isError) => LogAnswered(logger, toolName, elapsed.TotalMilliseconds, isError);

    [LoggerMessage(Level = LogLevel.Information, Message = "tools/call {ToolName} answered in {ElapsedMs:F1} ms (error: {IsError})")]
    private static partial void LogAnswered(ILogger logger, string toolName, double elapsedMs, bool isError);
}
