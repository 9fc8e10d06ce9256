using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.SharedState;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>
/// The open <c>subscriptions/listen</c> streams of 2026-07-28 clients on this replica, so server-initiated messages
/// (the ticker's) reach them after the call that started them has returned. Each stream is the listen request's own
/// POST response, held open until the client closes it; a message goes to the streams of the same user only.
/// Messages travel through the <see cref="INotificationRelay"/>: while a user has streams open here, this replica
/// follows that user's topic, so a ticker started on any replica reaches them (across replicas when a store is shared).
/// </summary>
public sealed class ListenStreams(INotificationRelay relay)
{
    private readonly ConcurrentDictionary<RequestId, Listener> _listeners = new();
    private readonly Dictionary<string, (int Streams, IAsyncDisposable Subscription)> _followedUsers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _followGate = new(1, 1);

    /// <summary>
    /// The <c>subscriptions/listen</c> handler: acknowledges the subscription, granting none of the list-changed
    /// notifications (the lists never change), then holds the stream open for messages until the client closes it.
    /// </summary>
    public async ValueTask<EmptyResult> ListenAsync(RequestContext<SubscriptionsListenRequestParams> request, CancellationToken cancellationToken)
    {
        var listener = new Listener(request.Server, request.JsonRpcRequest.Id, UserIdOf(request.User));
        _listeners[listener.SubscriptionId] = listener;
        await FollowAsync(listener.UserId, cancellationToken);
        try
        {
            await listener.SendAsync(
                NotificationMethods.SubscriptionsAcknowledgedNotification,
                JsonSerializer.SerializeToNode(
                    new SubscriptionsAcknowledgedNotificationParams { Notifications = new SubscriptionsListenNotifications() },
                    ToolJson.Protocol<SubscriptionsAcknowledgedNotificationParams>()),
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
            await UnfollowAsync(listener.UserId);
        }
        return new EmptyResult();
    }

    /// <summary>On how many replicas <paramref name="user"/> has streams open (this one only without a shared store).</summary>
    public async Task<long> CountReplicasListeningAsync(ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        await relay.CountSubscribersAsync(TopicOf(UserIdOf(user)), cancellationToken);

    /// <summary>Sends a notification to the open streams of <paramref name="userId"/> on every replica.</summary>
    public async Task PublishAsync(string? userId, string method, JsonNode? parameters, CancellationToken cancellationToken) =>
        await relay.PublishAsync(TopicOf(userId), new JsonRpcNotification { Method = method, Params = parameters }, cancellationToken);

    // Sends a notification to the open streams of the user on this replica; streams that fail are skipped.
    private async Task BroadcastAsync(string? userId, string method, JsonNode? parameters, CancellationToken cancellationToken)
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

    private static string TopicOf(string? userId) => "listen:user:" + userId;

    private async Task FollowAsync(string? userId, CancellationToken cancellationToken)
    {
        var topic = TopicOf(userId);
        await _followGate.WaitAsync(cancellationToken);
        try
        {
            if (_followedUsers.TryGetValue(topic, out var followed))
            {
                _followedUsers[topic] = (followed.Streams + 1, followed.Subscription);
                return;
            }
            var subscription = await relay.SubscribeAsync(topic,
                async (notification, ct) => await BroadcastAsync(userId, notification.Method, notification.Params, ct), cancellationToken);
            _followedUsers[topic] = (1, subscription);
        }
        finally
        {
            _followGate.Release();
        }
    }

    private async Task UnfollowAsync(string? userId)
    {
        var topic = TopicOf(userId);
        await _followGate.WaitAsync();
        try
        {
            if (!_followedUsers.TryGetValue(topic, out var followed))
            {
                return;
            }
            if (followed.Streams > 1)
            {
                _followedUsers[topic] = (followed.Streams - 1, followed.Subscription);
                return;
            }
            _followedUsers.Remove(topic);
            await followed.Subscription.DisposeAsync();
        }
        finally
        {
            _followGate.Release();
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
            meta[MetaKeys.SubscriptionId] = JsonSerializer.SerializeToNode(SubscriptionId, ToolJson.Protocol<RequestId>());
            return Server.SendMessageAsync(new JsonRpcNotification { Method = method, Params = body }, cancellationToken);
        }
    }
}
