using ModelContextProtocol.Protocol;

namespace McpDemo.SharedState;

/// <summary>
/// Carries MCP notifications to whichever replica holds the stream they belong on: a notification published on
/// one replica reaches the subscribers of its topic on every replica (through the store's pub/sub), or on this
/// one only when no store is configured.
/// </summary>
/// <remarks>
/// Topics name a destination, e.g. <c>listen:ticker</c> for <c>subscriptions/listen</c> streams that follow
/// tickers, or <c>session:&lt;id&gt;</c> for a legacy session's GET stream. Delivery is at most once and in
/// publish order per publisher; a subscriber that is not connected when a notification is published misses it.
/// </remarks>
public interface INotificationRelay
{
    /// <summary>Sends <paramref name="notification"/> to every current subscriber of <paramref name="topic"/>.</summary>
    ValueTask PublishAsync(string topic, JsonRpcNotification notification, CancellationToken cancellationToken = default);

    /// <summary>How many subscriptions <paramref name="topic"/> has: in this process, or across replicas with a store.</summary>
    ValueTask<long> CountSubscribersAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="onNotification"/>, one notification at a time, for each notification published to
    /// <paramref name="topic"/> until the returned subscription is disposed.
    /// </summary>
    ValueTask<IAsyncDisposable> SubscribeAsync(
        string topic, Func<JsonRpcNotification, CancellationToken, ValueTask> onNotification, CancellationToken cancellationToken = default);
}
