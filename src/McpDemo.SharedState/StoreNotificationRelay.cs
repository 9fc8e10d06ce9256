using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// The relay of replicas that share a store: each topic is a pub/sub channel of the store, so a notification
/// published on any replica reaches the subscribers on all of them. StackExchange.Redis resubscribes by itself
/// after the store comes back.
/// </summary>
public sealed partial class StoreNotificationRelay(
    StoreConnection store, IOptions<SharedStateOptions> options, ILogger<StoreNotificationRelay> logger) : INotificationRelay
{
    private readonly string _channelPrefix = options.Value.KeyPrefix + "notify:";

    /// <inheritdoc />
    public async ValueTask PublishAsync(string topic, JsonRpcNotification notification, CancellationToken cancellationToken = default)
    {
        var message = JsonSerializer.SerializeToUtf8Bytes(notification, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcNotification)));
        try
        {
            await store.Multiplexer.GetSubscriber().PublishAsync(Channel(topic), message);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException("The shared state store is unavailable, so the notification cannot reach other replicas.", e);
        }
    }

    /// <inheritdoc />
    /// <remarks>PUBSUB NUMSUB: each replica subscribes to a channel once, so this counts replicas.</remarks>
    public async ValueTask<long> CountSubscribersAsync(string topic, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await store.Multiplexer.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", _channelPrefix + topic);
            return (long)((RedisResult[])reply!)[1];
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException("The shared state store is unavailable, so listeners on other replicas cannot be counted.", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> SubscribeAsync(
        string topic, Func<JsonRpcNotification, CancellationToken, ValueTask> onNotification, CancellationToken cancellationToken = default)
    {
        ChannelMessageQueue queue;
        try
        {
            queue = await store.Multiplexer.GetSubscriber().SubscribeAsync(Channel(topic));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException("The shared state store is unavailable, so notifications from other replicas cannot be followed.", e);
        }
        var stopping = new CancellationTokenSource();
        // The queue hands messages over one at a time, in order: a stream never sees two writes at once.
        queue.OnMessage(async message =>
        {
            JsonRpcNotification? notification;
            try
            {
                notification = JsonSerializer.Deserialize((byte[])message.Message!, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcNotification))) as JsonRpcNotification;
            }
            catch (JsonException e)
            {
                LogUnreadable(e, topic);
                return;
            }
            if (notification is null)
            {
                return;
            }
            try
            {
                await onNotification(notification, stopping.Token);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                LogDeliveryFailed(e, topic);
            }
        });
        return new Subscription(queue, stopping);
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal(_channelPrefix + topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification on topic {Topic} could not be read and was dropped.")]
    private partial void LogUnreadable(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification on topic {Topic} could not be delivered.")]
    private partial void LogDeliveryFailed(Exception exception, string topic);

    private sealed class Subscription(ChannelMessageQueue queue, CancellationTokenSource stopping) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync();
            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (RedisException)
            {
                // The store is away; the server dropped the subscription with the connection anyway.
            }
            stopping.Dispose();
        }
    }
}
