using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Logging;

/// <summary>Sends <c>notifications/message</c> log entries to the client, honouring the level it set.</summary>
internal static class ClientLog
{
    /// <summary>The logger name the client sees on every entry.</summary>
    public const string LoggerName = "conformance-server";

    /// <summary>
    /// Sends <paramref name="message"/> unless the client asked for a higher minimum level.
    /// A client that never called <c>logging/setLevel</c> (always so in stateless mode, where no
    /// level outlives its request) gets every entry, rather than none.
    /// </summary>
    public static Task SendAsync(McpServer server, LoggingLevel level, string message, CancellationToken cancellationToken)
    {
        if (server.LoggingLevel is { } minimum && level < minimum)
        {
            return Task.CompletedTask;
        }
        return server.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams
            {
                Level = level,
                Logger = LoggerName,
                Data = JsonSerializer.SerializeToElement(message),
            },
            cancellationToken: cancellationToken);
    }
}
