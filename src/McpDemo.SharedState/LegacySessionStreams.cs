using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.SharedState;

/// <summary>
/// Sends notifications to a legacy session's GET stream, wherever the client has it:
/// <list type="bullet">
/// <item>open on some replica: that replica follows the session's relay topic (<see cref="SharedStateMiddleware"/>
/// subscribes) and sends what arrives there through its transport, which stores it and writes it live;</item>
/// <item>cut, or resumed with <c>Last-Event-ID</c> (a resumed stream is read from the store): added to the session's
/// stored stream (<see cref="StoredGetStreams"/>), which the next resumption, or the one under way, reads;</item>
/// <item>without a store: through the session itself, which holds it for a GET stream opened on this replica.</item>
/// </list>
/// </summary>
public sealed class LegacySessionStreams(INotificationRelay relay, StoredGetStreams? stored = null)
{
    /// <summary>The relay topic of a legacy session's GET stream.</summary>
    public static string Topic(string sessionId) => "session:" + sessionId;

    /// <summary>Sends a <paramref name="method"/> notification to the GET stream of <paramref name="session"/>.</summary>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached; nothing was sent.</exception>
    public async Task SendAsync(McpServer session, string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sessionId = session.SessionId!;
        var topic = Topic(sessionId);
        var message = new JsonRpcNotification
        {
            Method = method,
            Params = parameters,
        };
        if (await relay.CountSubscribersAsync(topic, cancellationToken) > 0)
        {
            await relay.PublishAsync(topic, message, cancellationToken);
        }
        else if (stored is not null)
        {
            await stored.AppendIfOpenedAsync(sessionId, message);
        }
        else
        {
            await session.SendMessageAsync(message, cancellationToken);
        }
    }
}
