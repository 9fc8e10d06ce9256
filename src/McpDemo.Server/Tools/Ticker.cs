using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.ServiceDefaults;
using McpDemo.SharedState;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

// Ticks are log messages: logging is deprecated from protocol 2026-07-28, but it is the one server-to-client
// message every client shows today.
#pragma warning disable MCP9005

/// <summary>
/// Runs tickers in the background: each sends a number of <c>notifications/message</c> outside any request, until
/// done or the application stops, either to one legacy session (on its GET stream) or to a user's
/// <c>subscriptions/listen</c> streams.
/// </summary>
public sealed partial class Ticker(
    ServiceIdentity identity, ListenStreams listenStreams, LegacySessionStreams sessionStreams, IHostApplicationLifetime lifetime, ILogger<Ticker> logger)
{
    /// <summary>The <c>logger</c> field of each tick's log message.</summary>
    public const string LoggerName = "ticker";

    // How long a tick waits for a store that is away, and how often it tries again meanwhile.
    private static readonly TimeSpan StoreOutageWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StoreRetryInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Sends <paramref name="count"/> ticks to the legacy session <paramref name="session"/>, one every <paramref name="interval"/>, on its GET stream wherever it is open.</summary>
    public void StartOnSession(McpServer session, int count, TimeSpan interval) =>
        Start(count, interval, session.SessionId,
            (tick, stopping) => sessionStreams.SendAsync(session, NotificationMethods.LoggingMessageNotification, tick, stopping));

    /// <summary>Sends <paramref name="count"/> ticks to the open <c>subscriptions/listen</c> streams of <paramref name="userId"/>, on any replica.</summary>
    public void StartOnListenStreams(string? userId, int count, TimeSpan interval) =>
        Start(count, interval, sessionId: null,
            (tick, stopping) => listenStreams.PublishAsync(userId, NotificationMethods.LoggingMessageNotification, tick, stopping));

    private void Start(int count, TimeSpan interval, string? sessionId, Func<JsonNode?, CancellationToken, Task> send) =>
        _ = Task.Run(() => RunAsync(count, interval, sessionId, send, lifetime.ApplicationStopping));

    private async Task RunAsync(int count, TimeSpan interval, string? sessionId,
        Func<JsonNode?, CancellationToken, Task> send, CancellationToken stopping)
    {
        try
        {
            for (var tick = 1; tick <= count; tick++)
            {
                await Task.Delay(interval, stopping);
                var message = new LoggingMessageNotificationParams
                {
                    Level = LoggingLevel.Info,
                    Logger = LoggerName,
                    Data = JsonSerializer.SerializeToElement(new TickData(tick, count, identity.InstanceId), ToolJsonContext.Default.TickData),
                };
                await SendOnceTheStoreAnswersAsync(send, JsonSerializer.SerializeToNode(message, ToolJson.Protocol<LoggingMessageNotificationParams>()), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Nobody awaits a ticker: the usual cause is a session that ended or has no GET stream open.
            LogTickerFailed(e, sessionId);
        }
    }

    // A tick waits out a short store outage rather than be lost (and the ticker with it): the store's client is back
    // within a second of the store, and ticks are numbered, so a late one is still in order.
    private static async Task SendOnceTheStoreAnswersAsync(Func<JsonNode?, CancellationToken, Task> send, JsonNode? tick, CancellationToken stopping)
    {
        var giveUp = Environment.TickCount64 + (long)StoreOutageWait.TotalMilliseconds;
        while (true)
        {
            try
            {
                await send(tick, stopping);
                return;
            }
            catch (SharedStateUnavailableException) when (Environment.TickCount64 < giveUp)
            {
                await Task.Delay(StoreRetryInterval, stopping);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticker for session {SessionId} stopped early.")]
    private partial void LogTickerFailed(Exception exception, string? sessionId);
}

/// <summary>The <c>data</c> of one tick's message: <c>{"tick":1,"count":3,"instance":"..."}</c>.</summary>
internal sealed record TickData(int Tick, int Count, string Instance);
