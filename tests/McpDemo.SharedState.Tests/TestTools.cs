using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.SharedState.Tests;

/// <summary>The name of the replica a tool ran on.</summary>
public sealed record ReplicaName(string Value);

/// <summary>Tools that show which replica served a call and produce a stream worth resuming.</summary>
[McpServerToolType]
public sealed class TestTools(ReplicaName replica)
{
    /// <summary>Answers with the replica's name.</summary>
    [McpServerTool(Name = "where"), Description("Names the replica that ran the call.")]
    public string Where() => replica.Value;

    /// <summary>Sends <paramref name="count"/> notifications on the call's stream, then answers.</summary>
    [McpServerTool(Name = "chatter"), Description("Sends count notifications, then answers.")]
    public async Task<string> Chatter(McpServer server, int count, CancellationToken cancellationToken)
    {
        for (var i = 1; i <= count; i++)
        {
#pragma warning disable MCP9005 // Logging notifications are the legacy protocol's own server-to-client messages.
            await server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification,
                new LoggingMessageNotificationParams { Level = LoggingLevel.Info, Data = System.Text.Json.JsonSerializer.SerializeToElement(i) },
                cancellationToken: cancellationToken);
#pragma warning restore MCP9005
        }
        return $"sent {count} from {replica.Value}";
    }
}
