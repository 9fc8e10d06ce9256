using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.SharedState;

/// <summary>
/// Sends notifications to a legacy session's GET stream, wherever the client has it.
/// <list type="bullet">
/// <item>With a store, the session's GET stream is a list there (<see cref="StoredGetStreams"/>). A notification is
/// added to it first, then relayed to the replica that serves the stream live, if one does
/// (<see cref="SharedStateMiddleware"/> subscribes it to the session's topic). That replica writes it under the id the
/// store gave it (<see cref="DeliverAsync"/>), so a replica that dies before writing it loses nothing: the client's
/// resumption, on any replica, reads it from the store.</item>
/// <item>Without a store: relayed to a stream open on this replica, else through the session itself, which holds it
/// for a GET stream opened later.</item>
/// </list>
/// </summary>
public sealed class LegacySessionStreams(INotificationRelay relay, StoredGetStreams? stored = null)
{
    // Carries a notification already added to the session's stored stream, with the id it was given there.
    private const string StoredEventMethod = "mcpdemo/storedGetStreamEvent";

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
        if (stored is null)
        {
            if (await relay.CountSubscribersAsync(topic, cancellationToken) > 0)
            {
                await relay.PublishAsync(topic, message, cancellationToken);
            }
            else
            {
                await session.SendMessageAsync(message, cancellationToken);
            }
            return;
        }
        // 0: the session never opened a GET stream, and like the SDK, it does not collect notifications for one.
        var sequence = await stored.AppendIfOpenedAsync(sessionId, message);
        if (sequence > 0 && await relay.CountSubscribersAsync(topic, cancellationToken) > 0)
        {
            await relay.PublishAsync(topic, new JsonRpcNotification
            {
                Method = StoredEventMethod,
                Params = new JsonObject
                {
                    ["eventId"] = StoredGetStreams.EventId(sessionId, sequence),
                    ["method"] = method,
                    ["params"] = parameters?.DeepClone(),
                },
            }, cancellationToken);
        }
    }

    /// <summary>
    /// Writes a notification relayed on the session's topic to its GET stream open here: one already in the store under
    /// the id it was given there, any other as the session sends it.
    /// </summary>
    public static async ValueTask DeliverAsync(McpServer session, JsonRpcNotification relayed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(relayed);
        if (relayed is { Method: StoredEventMethod, Params: JsonObject stored }
            && stored["eventId"]?.GetValue<string>() is { } eventId
            && stored["method"]?.GetValue<string>() is { } method)
        {
            SessionEventStreamStore.AlreadyStoredAs(eventId);
            await session.SendMessageAsync(new JsonRpcNotification { Method = method, Params = stored["params"]?.DeepClone() }, cancellationToken);
            return;
        }
        await session.SendMessageAsync(relayed, cancellationToken);
    }
}
