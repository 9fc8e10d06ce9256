using System.Collections.Concurrent;
using System.Globalization;
using Spectre.Console;

namespace McpDemo.Client.Tools;

/// <summary>How many calls each server instance answered: the picture of load balancing and session affinity.</summary>
internal sealed class InstanceSpread
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>The number of calls counted so far.</summary>
    public int Total => _calls.Values.Sum();

    /// <summary>Counts one call answered by <paramref name="instance"/>.</summary>
    public void Add(string instance) => _calls.AddOrUpdate(instance, 1, static (_, calls) => calls + 1);

    /// <summary>A table of calls and share per instance, busiest first.</summary>
    public Table ToTable()
    {
        var table = new Table().Title("Calls per instance").AddColumn("Instance").AddColumn(new TableColumn("Calls").RightAligned()).AddColumn(new TableColumn("Share").RightAligned());
        var total = Total;
        foreach (var (instance, calls) in _calls.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(instance),
                calls.ToString(CultureInfo.InvariantCulture),
                (calls / (double)total).ToString("P0", CultureInfo.InvariantCulture));
        }
        return table;
    }

    /// <summary>One line for logs and scripts: <c>spread: replica-1=4 replica-2=3</c>.</summary>
    public string ToLine() =>
        "spread: " + string.Join(' ', _calls.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
}
