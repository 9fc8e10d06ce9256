using System.Collections.Concurrent;
using System.Collections.Immutable;
using ModelContextProtocol.Protocol;

namespace McpDemo.SharedState;

/// <summary>The relay of a replica without a store: notifications reach the subscribers of this process only.</summary>
public sealed class InProcessNotificationRelay : INotificationRelay
{
    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> _subscribers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask PublishAsync(string topic, JsonRpcNotification notification, CancellationToken cancellationToken = default)
    {
        if (_subscribers.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DeliverAsync(notification, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<long> CountSubscribersAsync(string topic, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_subscribers.TryGetValue(topic, out var subscribers) ? (long)subscribers.Length : 0);

    /// <inheritdoc />
    public ValueTask<IAsyncDisposable> SubscribeAsync(
        string topic, Func<JsonRpcNotification, CancellationToken, ValueTask> onNotification, CancellationToken cancellationToken = default)
    {
        var subscription = new Subscription(this, topic, onNotification);
        _subscribers.AddOrUpdate(topic, static (_, s) => [s], static (_, list, s) => list.Add(s), subscription);
        return ValueTask.FromResult<IAsyncDisposable>(subscription);
    }

    private void Remove(Subscription subscription)
    {
        while (_subscribers.TryGetValue(subscription.Topic, out var list))
        {
            var updated = list.Remove(subscription);
            if (updated.IsEmpty
                ? _subscribers.TryRemove(new KeyValuePair<string, ImmutableArray<Subscription>>(subscription.Topic, list))
                : _subscribers.TryUpdate(subscription.Topic, updated, list))
            {
                return;
            }
        }
    }

    private sealed class Subscription(
        InProcessNotificationRelay relay, string topic, Func<JsonRpcNotification, CancellationToken, ValueTask> onNotification) : IAsyncDisposable
    {
        // One at a time per subscriber, as the store's relay delivers: a stream must not see two writes at once.
        private readonly SemaphoreSlim _serial = new(1, 1);

        public string Topic => topic;

        public async ValueTask DeliverAsync(JsonRpcNotification notification, CancellationToken cancellationToken)
        {
            await _serial.WaitAsync(cancellationToken);
            try
            {
                await onNotification(notification, cancellationToken);
            }
            finally
            {
                _serial.Release();
            }
        }

        public ValueTask DisposeAsync()
        {
            relay.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}
