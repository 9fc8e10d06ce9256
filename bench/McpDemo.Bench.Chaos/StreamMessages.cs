using System.Text.Json;

namespace McpDemo.Bench.Chaos;

/// <summary>What the load reads from the messages on its streams: ticks, progress and answers.</summary>
internal static class StreamMessages
{
    /// <summary>The notification that opens a listen stream.</summary>
    public const string Acknowledged = "notifications/subscriptions/acknowledged";

    /// <summary>A tick of the server's ticker: its number and the count its ticker runs to; null for any other message.</summary>
    public static (int Number, int Count)? Tick(JsonElement message) =>
        Method(message) == "notifications/message"
        && message.GetProperty("params") is var parameters
        && parameters.TryGetProperty("logger", out var logger) && logger.GetString() == "ticker"
        && parameters.TryGetProperty("data", out var data)
            ? (data.GetProperty("tick").GetInt32(), data.GetProperty("count").GetInt32())
            : null;

    /// <summary>The progress a <c>notifications/progress</c> reports (the countdown's steps done); null for any other message.</summary>
    public static int? Progress(JsonElement message) =>
        Method(message) == "notifications/progress" ? (int)message.GetProperty("params").GetProperty("progress").GetDouble() : null;

    /// <summary>Whether <paramref name="message"/> is the result of request <paramref name="id"/>.</summary>
    public static bool IsResultOf(JsonElement message, int id) =>
        message.TryGetProperty("id", out var answered) && answered.ValueKind == JsonValueKind.Number && answered.GetInt32() == id
        && message.TryGetProperty("result", out _);

    /// <summary>The method of a notification or request; null for an answer.</summary>
    public static string? Method(JsonElement message) => message.TryGetProperty("method", out var method) ? method.GetString() : null;
}
