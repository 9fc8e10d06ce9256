using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>
/// The open <c>subscriptions/listen</c> streams of 2026-07-28 clients on this replica, so server-initiated messages
/// (the ticker's) reach them after the call that started them has returned. Each stream is the listen request's own
/// POST response, held open until the client closes it; a message goes to the streams of the same user only.
/// Streams on other replicas are not reached: carrying messages across replicas is the shared store's job.
/// </summary>
public sealed class ListenStreams
{
    private readonly ConcurrentDictionary<RequestId, Listener> _listeners = new();

    /// <summary>
    /// The <c>subscriptions/listen</c> handler: acknowledges the subscription, granting none of the list-changed
    /// notifications (the lists never change), then holds the stream open for messages until the client closes it.
    /// </summary>
    public async ValueTask<EmptyResult> ListenAsync(RequestContext<SubscriptionsListenRequestParams> request, CancellationToken cancellationToken)
    {
        var listener = new Listener(request.Server, request.JsonRpcRequest.Id, UserIdOf(request.User));
        _listeners[listener.SubscriptionId] = listener;
        try
        {
            await listener.SendAsync(
                NotificationMethods.SubscriptionsAcknowledgedNotification,
                JsonSerializer.SerializeToNode(
                    new SubscriptionsAcknowledgedNotificationParams { Notifications = new SubscriptionsListenNotifications() },
                    McpJsonUtilities.DefaultOptions),
                cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client closed the stream (or the server is stopping): that is how a listen ends.
        }
        finally
        {
            _listeners.TryRemove(listener.SubscriptionId, out _);
        }
        return new EmptyResult();
    }

    /// <summary>How many streams of <paramref name="user"/> are open.</summary>
    public int CountFor(ClaimsPrincipal? user)
    {
        var userId = UserIdOf(user);
        return _listeners.Values.Count(listener => listener.UserId == userId);
    }

    /// <summary>Sends a notification to every open stream of the user <paramref name="userId"/>; streams that fail are skipped.</summary>
    public async Task BroadcastAsync(string? userId, string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners.Values.Where(listener => listener.UserId == userId))
        {
            try
            {
                await listener.SendAsync(method, parameters?.DeepClone(), cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // The stream closed between listing and sending; its handler removes it.
            }
        }
    }

    /// <summary>The user a stream or call belongs to: the NameIdentifier claim, or null for anonymous clients.</summary>
    public static string? UserIdOf(ClaimsPrincipal? user) => user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    private sealed record Listener(McpServer Server, RequestId SubscriptionId, string? UserId)
    {
        // SEP-2575: every message on a listen stream carries the subscription id, so clients can tell streams apart.
        public Task SendAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
        {
            var body = parameters as JsonObject ?? [];
            var meta = body["_meta"] as JsonObject ?? [];
            body["_meta"] = meta;
            meta[MetaKeys.SubscriptionId] = JsonSerializer.SerializeToNode(SubscriptionId, McpJsonUtilities.DefaultOptions);
            return Server.SendMessageAsync(new JsonRpcNotification { Method = method, Params = body }, cancellationToken);
        }
    }
}
