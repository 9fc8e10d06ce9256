using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// The console output of every service process of the run, as DCP keeps it. A service's stdout is a pipe to DCP, which
/// writes each line, numbered and timestamped, to <c>{uid}_out</c> (stderr to <c>{uid}_err</c>) in its working folder
/// (the folder of its <c>--kubeconfig</c>), where <c>resource-executable-{uid}.log</c> names the resource it started
/// ("Starting process…", <c>"Executable": "/server-2-abcdefgh"</c>). Each process's files are found as soon as the
/// process is seen, so a killed process's output is kept apart from its restarted successor's.
/// <see cref="Errors"/> returns the error-level entries of the console formatter (<c>fail:</c>, <c>crit:</c>) and any
/// line written to stderr.
/// </summary>
internal sealed partial class ServiceLogs(Topology topology, Stopwatch clock)
{
    private static readonly TimeSpan s_period = TimeSpan.FromSeconds(1);
    private readonly DateTime _clockStartUtc = DateTime.UtcNow - clock.Elapsed;
    private readonly ConcurrentDictionary<int, (ServiceProcess Process, string Output)> _logs = new();

    /// <summary>Finds the processes' output files until <paramref name="stop"/> is cancelled.</summary>
    public async Task WatchAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Watch();
            try
            {
                await Task.Delay(s_period, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>The service processes whose output was not found (nothing of theirs is counted).</summary>
    public IReadOnlyList<string> Unread { get; private set; } = [];

    /// <summary>How many entries of any level <see cref="Errors"/> read: none would mean the output was not understood, not that it was clean.</summary>
    public int EntriesRead { get; private set; }

    /// <summary>Every error-level entry written so far, with the process that wrote it and when.</summary>
    public List<LogEntry> Errors()
    {
        Watch();
        Unread = [.. topology.Processes().Where(p => !_logs.ContainsKey(p.Pid)).Select(p => p.Name)];
        EntriesRead = 0;
        // A process restarted by DCP under the same resource may share its predecessor's files: each file is read once.
        return [.. _logs.Values.OrderBy(l => l.Process.Name, StringComparer.Ordinal).DistinctBy(l => l.Output).SelectMany(l => ErrorsIn(l.Process, l.Output))];
    }

    /// <summary>Prints <paramref name="entries"/> grouped by process, first lines and explanation, with their counts.</summary>
    public static void Print(IEnumerable<LogEntry> entries, Func<LogEntry, string> explanation)
    {
        Console.WriteLine("| process | error-level entry (first lines) | count | first at | explained by |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var group in entries.GroupBy(e => (e.Process.Name, e.Summary, Explanation: explanation(e))))
        {
            var summary = group.Key.Summary.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
            Console.WriteLine($"| {group.Key.Name} | `{summary}` | {group.Count()} | {group.Min(e => e.WrittenAt).TotalSeconds:F0} s | {group.Key.Explanation} |");
        }
    }

    private void Watch()
    {
        foreach (var process in topology.Processes())
        {
            if (!_logs.ContainsKey(process.Pid) && OutputOf(process) is { } output)
            {
                _logs.TryAdd(process.Pid, (process, output));
            }
        }
    }

    /// <summary>
    /// The DCP output file (without its <c>_out</c>/<c>_err</c> suffix) of the resource <paramref name="process"/> runs:
    /// the one DCP started last under its name, which is the process's own when it is seen soon after its start.
    /// </summary>
    private static string? OutputOf(ServiceProcess process)
    {
        if (DcpFolderAbove(process.Pid) is not { } folder)
        {
            return null;
        }
        var started = $"\"Executable\": \"/{process.Name}-";
        return Directory.GetFiles(folder, "resource-executable-*.log")
            .Select(log => (Log: log, Start: File.ReadLines(log).LastOrDefault(l => l.Contains(started, StringComparison.Ordinal) && l.Contains("Starting process", StringComparison.Ordinal))))
            .Where(l => l.Start is not null)
            .OrderBy(l => l.Start, StringComparer.Ordinal) // each line starts with its UTC timestamp
            .Select(l => Path.Combine(folder, Path.GetFileNameWithoutExtension(l.Log)["resource-executable-".Length..]))
            .LastOrDefault();
    }

    /// <summary>The working folder of the DCP process that started <paramref name="pid"/> (directly or through a <c>dotnet run</c>).</summary>
    private static string? DcpFolderAbove(int pid)
    {
        try
        {
            for (var ancestor = Parent(pid); ancestor > 1; ancestor = Parent(ancestor))
            {
                var arguments = File.ReadAllText($"/proc/{ancestor}/cmdline").Split('\0');
                var kubeconfig = Array.IndexOf(arguments, "--kubeconfig");
                if (kubeconfig >= 0 && kubeconfig + 1 < arguments.Length)
                {
                    return Path.GetDirectoryName(arguments[kubeconfig + 1]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process or an ancestor ended while we looked.
        }
        return null;

        static int Parent(int pid)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
    }

    private IEnumerable<LogEntry> ErrorsIn(ServiceProcess process, string output)
    {
        var start = default(DcpLine);
        var text = new List<string>();
        foreach (var line in Lines(output + "_out"))
        {
            if (EntryStart().Match(line.Text) is { Success: true } entry)
            {
                EntriesRead++;
                if (text.Count > 0)
                {
                    yield return new LogEntry(process, start.At - _clockStartUtc, string.Join('\n', text));
                    text.Clear();
                }
                if (entry.Groups["level"].Value is "fail" or "crit")
                {
                    (start, text) = (line, [line.Text]);
                }
            }
            else if (text.Count > 0)
            {
                text.Add(line.Text);
            }
        }
        if (text.Count > 0)
        {
            yield return new LogEntry(process, start.At - _clockStartUtc, string.Join('\n', text));
        }
        foreach (var line in Lines(output + "_err").Where(l => l.Text.Trim().Length > 0))
        {
            yield return new LogEntry(process, line.At - _clockStartUtc, "stderr: " + line.Text);
        }
    }

    /// <summary>The lines of a DCP output file: <c>N 2026-12-07T20:01:36.408Z text</c>, without the text's colours.</summary>
    private static IEnumerable<DcpLine> Lines(string path) => !File.Exists(path) ? [] : File.ReadLines(path)
        .Select(l => DcpLinePattern().Match(l)).Where(m => m.Success)
        .Select(m => new DcpLine(DateTime.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            AnsiColour().Replace(m.Groups["text"].Value, "")));

    private readonly record struct DcpLine(DateTime At, string Text);

    [GeneratedRegex(@"^\d+ (?<at>\S+) (?<text>.*)$")]
    private static partial Regex DcpLinePattern();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiColour();

    // The simple console formatter's first line of an entry: "fail: Category[EventId]".
    [GeneratedRegex(@"^(?<level>trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex EntryStart();
}

/// <summary>An error-level entry of a service's console output.</summary>
/// <param name="Process">The process that wrote it.</param>
/// <param name="WrittenAt">When DCP received its first line, on the run's clock.</param>
/// <param name="Text">The whole entry: its first line, the message and any exception.</param>
internal sealed record LogEntry(ServiceProcess Process, TimeSpan WrittenAt, string Text)
{
    /// <summary>The entry's first two lines (category, then the start of the message), for grouping like entries.</summary>
    public string Summary => string.Join(" ", Text.Split('\n').Take(2).Select(l => l.Trim())) is var summary && summary.Length > 200 ? summary[..200] + "…" : summary;
}
