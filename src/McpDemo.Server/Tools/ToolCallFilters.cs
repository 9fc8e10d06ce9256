using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>What happens around every <c>tools/call</c> of the product tools.</summary>
internal static class ToolCallFilters
{
    /// <summary>
    /// Logs each call whose trace is recorded (<see cref="ToolCallLog"/>). Counting and timing calls is the SDK's:
    /// <c>mcp.server.operation.duration</c>, tagged with <c>gen_ai.tool.name</c>.
    /// </summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> LogRecordedCalls(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (context, cancellationToken) =>
    {
        // An unrecorded trace logs nothing, so it pays for nothing: no clock, no service lookup.
        if (context.MatchedPrimitive is not McpServerTool tool || Activity.Current is not { Recorded: true })
        {
            return await next(context, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var result = await next(context, cancellationToken);
        context.Services!.GetRequiredService<ToolCallLog>().Answered(tool.ProtocolTool.Name, Stopwatch.GetElapsedTime(started), result.IsError == true);
        return result;
    };

    /// <summary>
    /// Says what was wrong with the arguments when they could not be bound (a string for an integer, a missing
    /// required one): the SDK would otherwise answer only "An error occurred".
    /// </summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> ExplainArgumentErrors(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (context, cancellationToken) =>
    {
        try
        {
            return await next(context, cancellationToken);
        }
        catch (JsonException e)
        {
            // System.Text.Json appends " Path: $ | LineNumber: ..." which means nothing to the caller.
            var reason = e.Message.Split(" Path:", 2)[0];
            throw new McpException($"Invalid arguments: {reason} Check them against the tool's inputSchema.", e);
        }
        catch (ArgumentException e)
        {
            throw new McpException($"Invalid arguments: {e.Message}", e);
        }
    };
}
