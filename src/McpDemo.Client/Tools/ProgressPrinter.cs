using ModelContextProtocol;
using Spectre.Console;

namespace McpDemo.Client.Tools;

/// <summary>
/// Prints each progress notification of a call as it arrives, e.g. <c>progress 2/5 3 to go</c>. Writes at once
/// rather than through <see cref="Progress{T}"/>, which would post to the thread pool and could reorder lines.
/// </summary>
internal sealed class ProgressPrinter(IAnsiConsole console) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value)
    {
        var total = value.Total is { } known ? $"/{known}" : "";
        console.WriteLine($"progress {value.Progress}{total} {value.Message}".TrimEnd());
    }
}
