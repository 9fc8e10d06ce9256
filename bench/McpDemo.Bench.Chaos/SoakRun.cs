using System.Diagnostics;
using System.Globalization;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// The soak run: the chaos run's load without faults for a given duration; every replica, gateway and the store sampled
/// after a warm-up and at the end (RSS, threads, open file descriptors), with the growth of each. The goal, "flat within
/// 5% after warm-up", is judged on threads and open file descriptors; the managed heap it also names is not read (the
/// services export it only as OTLP metrics), so RSS is shown beside it but not judged: it also holds JIT code and the
/// GC's reserve, which grow long after start.
/// </summary>
internal sealed class SoakRun(Topology topology, TimeSpan duration)
{
    private const double AllowedGrowth = 0.05;
    private static readonly TimeSpan s_warmUp = TimeSpan.FromSeconds(60);

    /// <summary>Runs the load, prints the table, and returns whether every process stayed flat.</summary>
    public async Task<bool> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        using var load = new Load(topology, clock);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        Console.WriteLine($"Load running; warm-up {s_warmUp.TotalSeconds} s, then {duration.TotalMinutes:F1} min.");
        await Task.Delay(s_warmUp);
        var first = Sample();
        var loadStart = clock.Elapsed;
        await Task.Delay(duration);
        var last = Sample();
        await stop.CancelAsync();
        await running;

        var calls = load.Calls.Where(c => c.Started >= loadStart).ToList();
        Console.WriteLine();
        Console.WriteLine($"Load after warm-up: {calls.Count} calls, {calls.Count(c => !c.Succeeded)} failed, {load.SessionsLost.Count} legacy sessions lost, {load.StreamCuts.Count} GET streams cut.");
        Console.WriteLine();
        Console.WriteLine("| process | RSS after warm-up (MiB) | RSS at end (MiB) | RSS growth | threads | thread growth | open fds | fd growth | threads and fds flat |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var flat = true;
        foreach (var before in first)
        {
            var after = last.FirstOrDefault(s => s.Process.Pid == before.Process.Pid);
            if (after is null)
            {
                Console.WriteLine($"| {before.Process.Name} | {Mib(before.RssKiB)} | restarted or gone | | {before.Threads} | | {before.OpenFds} | | MISSED |");
                flat = false;
                continue;
            }
            var (rssGrowth, threadGrowth, fdGrowth) = (Growth(before.RssKiB, after.RssKiB), Growth(before.Threads, after.Threads), Growth(before.OpenFds, after.OpenFds));
            var met = threadGrowth <= AllowedGrowth && fdGrowth <= AllowedGrowth;
            flat &= met;
            Console.WriteLine($"| {before.Process.Name} | {Mib(before.RssKiB)} | {Mib(after.RssKiB)} | {Percent(rssGrowth)} | {before.Threads} → {after.Threads} | {Percent(threadGrowth)} | {before.OpenFds} → {after.OpenFds} | {Percent(fdGrowth)} | {(met ? "MET" : "MISSED")} |");
        }
        Console.WriteLine();
        Console.WriteLine("Goal: threads and open fds flat within 5% after warm-up. The managed heap after a full collection is not measured; RSS is shown, not judged.");
        return flat;
    }

    private List<ProcessSample> Sample() =>
        [.. topology.Processes().OrderBy(p => p.Service, StringComparer.Ordinal).ThenBy(p => p.Instance).Select(ProcessSample.Of).OfType<ProcessSample>()];

    private static double Growth(long before, long after) => before == 0 ? 0 : (after - before) / (double)before;

    private static string Mib(long kib) => (kib / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Percent(double growth) => growth.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);
}
