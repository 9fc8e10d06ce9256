using System.Collections.Concurrent;
using ModelContextProtocol;

namespace McpDemo.Server.Tests.Tools;

/// <summary>Records progress notifications as they arrive.</summary>
internal sealed class ProgressRecorder : IProgress<ProgressNotificationValue>
{
    private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();

    public IReadOnlyList<ProgressNotificationValue> Values => [.. _values];

    public void Report(ProgressNotificationValue value) => _values.Enqueue(value);

    /// <summary>
    /// Waits until <paramref name="count"/> notifications have arrived. The client dispatches notifications apart
    /// from responses, so the last ones may be handled just after the call has returned.
    /// </summary>
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
}
