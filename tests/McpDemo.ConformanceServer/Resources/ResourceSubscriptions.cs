using System.Collections.Concurrent;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Resources;

/// <summary>
/// Which session subscribed to which resource URI (<c>resources/subscribe</c>, <c>resources/unsubscribe</c>),
/// and the <c>notifications/resources/updated</c> fan-out to them. A subscription lives in a session,
/// so stateless mode answers both requests with an error.
/// </summary>
internal sealed class ResourceSubscriptions
{
    private readonly ConcurrentDictionary<string, Subscriber> _subscribers = new();

    /// <summary>Handles <c>resources/subscribe</c>.</summary>
    public ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var uri = RequireUri(context.Params?.Uri);
        var subscriber = _subscribers.GetOrAdd(RequireSession(context.Server), _ => new Subscriber(context.Server));
        subscriber.Uris.TryAdd(uri, 0);
        return ValueTask.FromResult(new EmptyResult());
    }

    /// <summary>Handles <c>resources/unsubscribe</c>.</summary>
    public ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var uri = RequireUri(context.Params?.Uri);
        if (_subscribers.TryGetValue(RequireSession(context.Server), out var subscriber))
        {
            subscriber.Uris.TryRemove(uri, out _);
        }
        return ValueTask.FromResult(new EmptyResult());
    }

    /// <summary>Tells every session subscribed to <paramref name="uri"/> that it changed.</summary>
    public async Task NotifyUpdatedAsync(string uri, CancellationToken cancellationToken)
    {
        foreach (var (sessionId, subscriber) in _subscribers)
        {
            if (!subscriber.Uris.ContainsKey(uri))
            {
                continue;
            }
            try
            {
                await subscriber.Server.SendNotificationAsync(
                    NotificationMethods.ResourceUpdatedNotification,
                    new ResourceUpdatedNotificationParams { Uri = uri },
                    cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
            {
                // The session ended without unsubscribing: forget it.
                _subscribers.TryRemove(sessionId, out _);
            }
        }
    }

    private static string RequireSession(McpServer server) =>
        server.SessionId ?? throw new McpProtocolException(
            "Resource subscriptions need a session; this server runs stateless (start it with --Mcp:SessionMode=Stateful).",
            McpErrorCode.InvalidRequest);

    private static string RequireUri(string? uri) =>
        string.IsNullOrWhiteSpace(uri)
            ? throw new McpProtocolException("Missing required parameter 'uri'.", McpErrorCode.InvalidParams)
            : uri;

    private sealed record Subscriber(McpServer Server)
    {
        public ConcurrentDictionary<string, byte> Uris { get; } = new();
    }
}
