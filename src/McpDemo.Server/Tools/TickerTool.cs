using System.ComponentModel;
using McpDemo.AspNetCore;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>The <c>start_ticker</c> tool: server-initiated messages that arrive after the call has returned.</summary>
[McpServerToolType]
public sealed class TickerTool(Ticker ticker, IOptions<McpEndpointOptions> endpointOptions)
{
    /// <summary>The most ticks one ticker sends.</summary>
    public const int MaxCount = 100;

    /// <summary>The longest wait between ticks.</summary>
    public const int MaxIntervalMs = 60_000;

    /// <summary>Returns at once; the ticks follow as <c>notifications/message</c> on the session's GET stream.</summary>
    [McpServerTool(Name = "start_ticker", Title = "Start ticker", OpenWorld = false)]
    [Description("Starts a ticker and returns at once. The server then sends 'count' log messages (notifications/message), one every 'intervalMs', on the session's GET stream. Needs a stateful session.")]
    public string StartTicker(
        McpServer server,
        [Description("How many ticks to send, 1 to 100.")] int count,
        [Description("Milliseconds between ticks, 10 to 60000.")] int intervalMs)
    {
        // A stateful server still answers clients of sessionless protocol revisions (2026-07-28 on) without a session.
        if (server.SessionId is null)
        {
            throw new McpException(
                "start_ticker needs a session: without one the server cannot send messages after a call returns. " +
                (endpointOptions.Value.SessionMode == McpSessionMode.Stateful
                    ? "Connect with a protocol revision that has sessions (2025-11-25 or earlier)."
                    : "Use a server started with --Mcp:SessionMode=Stateful."));
        }
        ToolArguments.InRange(count, 1, MaxCount);
        ToolArguments.InRange(intervalMs, 10, MaxIntervalMs);
        ticker.Start(server, count, TimeSpan.FromMilliseconds(intervalMs));
        return $"ticker started: {count} ticks every {intervalMs} ms on this session's GET stream";
    }
}
