using System.Text.Json;
using McpDemo.ServiceDefaults;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>
/// Runs tickers in the background: each sends a number of <c>notifications/message</c> to one session,
/// outside any request, until done or the application stops.
/// </summary>
public sealed partial class Ticker(ServiceIdentity identity, IHostApplicationLifetime lifetime, ILogger<Ticker> logger)
{
    /// <summary>The <c>logger</c> field of each tick's log message.</summary>
    public const string LoggerName = "ticker";

    /// <summary>Starts sending <paramref name="count"/> ticks to <paramref name="session"/>, one every <paramref name="interval"/>.</summary>
    public void Start(McpServer session, int count, TimeSpan interval) =>
        _ = Task.Run(() => RunAsync(session, count, interval, lifetime.ApplicationStopping));

    private async Task RunAsync(McpServer session, int count, TimeSpan interval, CancellationToken stopping)
    {
        try
        {
            for (var tick = 1; tick <= count; tick++)
            {
                await Task.Delay(interval, stopping);
#pragma warning disable MCP9005 // Logging is deprecated from protocol 2026-07-28, but it is the one server-to-client message every client shows today.
                await session.SendNotificationAsync(
                    NotificationMethods.LoggingMessageNotification,
                    new LoggingMessageNotificationParams
                    {
                        Level = LoggingLevel.Info,
                        Logger = LoggerName,
                        Data = JsonSerializer.SerializeToElement(new TickData(tick, count, identity.InstanceId), ToolJson.Options),
                    },
                    cancellationToken: stopping);
#pragma warning restore MCP9005
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Nobody awaits a ticker: the usual cause is a session that ended or has no GET stream open.
            LogTickerFailed(e, session.SessionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticker for session {SessionId} stopped early.")]
    private partial void LogTickerFailed(Exception exception, string? sessionId);

    /// <summary>The <c>data</c> of one tick's message: <c>{"tick":1,"count":3,"instance":"..."}</c>.</summary>
    private sealed record TickData(int Tick, int Count, string Instance);
}
