using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>The <c>start_ticker</c> tool: server-initiated messages that arrive after the call has returned.</summary>
[McpServerToolType]
public sealed class TickerTool(Ticker ticker, ListenStreams listenStreams)
{
    /// <summary>The most ticks one ticker sends.</summary>
    public const int MaxCount = 100;

    /// <summary>The longest wait between ticks.</summary>
    public const int MaxIntervalMs = 60_000;

    /// <summary>
    /// Returns at once; the ticks follow as <c>notifications/message</c>: on the session's GET stream in a legacy
    /// session, on the caller's open <c>subscriptions/listen</c> streams for 2026-07-28 clients.
    /// </summary>
    [McpServerTool(Name = "start_ticker", Title = "Start ticker", OpenWorld = false)]
    [Description("Starts a ticker and returns at once. The server then sends 'count' log messages (notifications/message), one every 'intervalMs': on the session's GET stream in a legacy session, otherwise on your open subscriptions/listen streams (open one first).")]
    public string StartTicker(
        RequestContext<CallToolRequestParams> request,
        [Description("How many ticks to send, 1 to 100.")] int count,
        [Description("Milliseconds between ticks, 10 to 60000.")] int intervalMs)
    {
        ToolArguments.InRange(count, 1, MaxCount);
        ToolArguments.InRange(intervalMs, 10, MaxIntervalMs);
        var interval = TimeSpan.FromMilliseconds(intervalMs);
        if (request.Server.SessionId is not null)
        {
            ticker.StartOnSession(request.Server, count, interval);
            return $"ticker started: {count} ticks every {intervalMs} ms on this session's GET stream";
        }

        var streams = listenStreams.CountFor(request.User);
        if (streams == 0)
        {
            throw new McpException(
                "start_ticker has nowhere to send ticks: open a subscriptions/listen stream first (2026-07-28), " +
                "or use a legacy session (2025-11-25) against a server started with --Mcp:SessionMode=Stateful.");
        }
        ticker.StartOnListenStreams(ListenStreams.UserIdOf(request.User), count, interval);
        return $"ticker started: {count} ticks every {intervalMs} ms on your {streams} open subscriptions/listen stream(s)";
    }
}
