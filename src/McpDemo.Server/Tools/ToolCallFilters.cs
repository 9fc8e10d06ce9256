using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>What happens around every <c>tools/call</c> of the product tools.</summary>
internal static class ToolCallFilters
{
    /// <summary>Counts each call on <c>mcpdemo.tool.calls</c>, and logs it when its trace is recorded (<see cref="ToolCallLog"/>).</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> RecordCalls(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => async (context, cancellationToken) =>
    {
        // Only tools that exist are recorded, so clients cannot grow the tag's cardinality at will.
        if (context.MatchedPrimitive is not McpServerTool tool)
        {
            return await next(context, cancellationToken);
        }

        var name = tool.ProtocolTool.Name;
        context.Services!.GetRequiredService<ToolCallMetrics>().RecordCall(name);
        var started = Stopwatch.GetTimestamp();
        var result = await next(context, cancellationToken);
        context.Services!.GetRequiredService<ToolCallLog>().Answered(name, Stopwatch.GetElapsedTime(started), result.IsError == true);
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
