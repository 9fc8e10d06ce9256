using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpDemo.Server.Tests.Tools;

/// <summary>
/// Records the progress notifications a client receives for one progress token, for as long as it is not disposed.
/// It listens on the client rather than being passed to the call: the client dispatches notifications apart from
/// responses and drops the ones handled after a call's own progress handler is gone, so a recorder tied to the
/// call can miss the last steps even though the server sent them before its answer.
/// </summary>
internal sealed class ProgressRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();
    private readonly IAsyncDisposable _registration;

    public ProgressRecorder(McpClient client)
    {
        var token = new ProgressToken($"progress-{Guid.NewGuid():N}");
        Options = new RequestOptions { ProgressToken = token };
        _registration = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            var progress = notification.Params.Deserialize<ProgressNotificationParams>(McpJsonUtilities.DefaultOptions);
            if (progress is not null && progress.ProgressToken == token)
            {
                _values.Enqueue(progress.Progress);
            }
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Options that make a request carry this recorder's progress token.</summary>
    public RequestOptions Options { get; }

    public IReadOnlyList<ProgressNotificationValue> Values => [.. _values];

    /// <summary>Waits until <paramref name="count"/> notifications have arrived.</summary>
    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_values.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_values.Count} of {count} progress notifications arrived.");
            }
            await Task.Delay(10);
        }
    }

    public ValueTask DisposeAsync() => _registration.DisposeAsync();
}
