using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.SharedState;

/// <summary>
/// Lets a legacy session's notifications reach its GET stream on whichever replica the client opened it: while a
/// replica serves a session's GET stream, it follows the session's relay topic (<see cref="SharedStateMiddleware"/>
/// subscribes) and writes what arrives there to it.
/// </summary>
public static class LegacySessionStreams
{
    /// <summary>The relay topic of a legacy session's GET stream.</summary>
    public static string Topic(string sessionId) => "session:" + sessionId;

    /// <summary>
    /// Sends a <paramref name="method"/> notification to the session's GET stream: through the relay when some replica serves
    /// that stream, else through <paramref name="session"/>, which holds it until the client opens one.
    /// </summary>
    public static async Task SendAsync(INotificationRelay relay, McpServer session, string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(session);
        var topic = Topic(session.SessionId!);
        var message = new JsonRpcNotification
        {
            Method = method,
            Params = parameters,
        };
        if (await relay.CountSubscribersAsync(topic, cancellationToken) > 0)
        {
            await relay.PublishAsync(topic, message, cancellationToken);
        }
        else
        {
            await session.SendMessageAsync(message, cancellationToken);
        }
    }
}
