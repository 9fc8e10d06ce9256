using ModelContextProtocol;
using Spectre.Console;

namespace McpDemo.Client.Tools;

/// <summary>
/// Prints the progress of one call as it advances, e.g. <c>progress 2/5 3 to go</c>. The SDK hands each
/// notification to its handler concurrently, so they can arrive out of order, and after the result; progress
/// only grows, so a value not above the last one printed is stale and skipped, and nothing prints once
/// <see cref="Complete"/> is called.
/// </summary>
internal sealed class ProgressPrinter(IAnsiConsole console) : IProgress<ProgressNotificationValue>
{
    private readonly Lock _gate = new();
    private double _printed = double.NegativeInfinity;
    private bool _completed;

    public void Report(ProgressNotificationValue value)
    {
        lock (_gate)
        {
            if (_completed || value.Progress <= _printed)
            {
                return;
            }
            _printed = value.Progress;
            var total = value.Total is { } known ? $"/{known}" : "";
            console.WriteLine($"progress {value.Progress}{total} {value.Message}".TrimEnd());
        }
    }

    /// <summary>The call has answered: later progress would only confuse the result that follows.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }
    }
}
