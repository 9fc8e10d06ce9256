using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace McpDemo.Client.Tools;

/// <summary>Renders a server notification as one line: time, method, then the parts people read.</summary>
internal static class NotificationFormatter
{
    public static string Format(JsonRpcNotification notification, DateTimeOffset receivedAt)
    {
        var time = receivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var details = notification.Params is JsonObject parameters
            ? notification.Method switch
            {
#pragma warning disable MCP9005 // logging is current in the session revisions that watch speaks
                NotificationMethods.LoggingMessageNotification =>
#pragma warning restore MCP9005
                    Join(Text(parameters["level"]), Text(parameters["logger"]) is { Length: > 0 } logger ? logger + ":" : "", Text(parameters["data"])),
                NotificationMethods.ProgressNotification =>
                    Join(
                        parameters["total"] is { } total ? $"{Text(parameters["progress"])}/{Text(total)}" : Text(parameters["progress"]),
                        Text(parameters["message"])),
                _ => parameters.ToJsonString(),
            }
            : Text(notification.Params);
        return $"[{time}] {notification.Method} {details}".TrimEnd();
    }

    private static string Join(params string[] parts) => string.Join(' ', parts.Where(part => part.Length > 0));

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
