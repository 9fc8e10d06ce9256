using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpDemo.Client.Connection;

/// <summary>
/// One open <c>subscriptions/listen</c> request: the 2026-07-28 replacement for a session's GET stream. The
/// server answers with a long-lived event stream, first <c>notifications/subscriptions/acknowledged</c>
/// (what it granted), then the notifications; the client's notification handlers receive them as usual.
/// Disposing closes the stream, which ends the subscription.
/// </summary>
internal sealed class ListenSubscription : IAsyncDisposable
{
    private readonly CancellationTokenSource _closing;

    private ListenSubscription(CancellationTokenSource closing, Task<JsonRpcResponse> listening, SubscriptionsListenNotifications? granted)
    {
        _closing = closing;
        Ended = listening;
        Granted = granted;
    }

    /// <summary>What the server agreed to send, or <see langword="null"/> when it ended the stream before saying.</summary>
    public SubscriptionsListenNotifications? Granted { get; }

    /// <summary>Completes when the server ends the stream (or fails it); a listen stream normally stays open.</summary>
    public Task Ended { get; }

    /// <summary>
    /// Sends <c>subscriptions/listen</c> for <paramref name="requested"/> and waits for the acknowledgement, so
    /// that whatever is started next is already being listened for. Throws what the SDK throws when the server refuses.
    /// </summary>
    public static async Task<ListenSubscription> OpenAsync(
        McpClient client, SubscriptionsListenNotifications requested, CancellationToken cancellationToken)
    {
        var acknowledged = new TaskCompletionSource<JsonRpcNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var acknowledgement = client.RegisterNotificationHandler(
            NotificationMethods.SubscriptionsAcknowledgedNotification,
            (notification, _) =>
            {
                acknowledged.TrySetResult(notification);
                return ValueTask.CompletedTask;
            });
        var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new JsonRpcRequest
        {
            Method = RequestMethods.SubscriptionsListen,
            Params = JsonSerializer.SerializeToNode(new SubscriptionsListenRequestParams { Notifications = requested }, McpJsonUtilities.DefaultOptions),
        };
        var listening = client.SendRequestAsync(request, closing.Token);
        try
        {
            if (await Task.WhenAny(acknowledged.Task, listening) == listening)
            {
                // Ended (or refused) before any acknowledgement: surface the refusal; an empty end grants nothing.
                await listening;
            }
        }
        catch
        {
            closing.Dispose();
            throw;
        }
        var granted = acknowledged.Task.IsCompletedSuccessfully
            ? acknowledged.Task.Result.Params.Deserialize<SubscriptionsAcknowledgedNotificationParams>(McpJsonUtilities.DefaultOptions)?.Notifications
            : null;
        return new ListenSubscription(closing, listening, granted);
    }

    /// <summary>Closes the stream: the HTTP response is abandoned, which ends the subscription on the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            await Ended;
        }
        catch (OperationCanceledException)
        {
            // How a listen stream is meant to end.
        }
        catch (Exception) when (Ended.IsFaulted)
        {
            // Already reported through Ended by whoever watched it; closing must not fail.
        }
        _closing.Dispose();
    }
}
