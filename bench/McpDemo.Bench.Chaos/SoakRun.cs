using System.Diagnostics;
using System.Globalization;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// The soak run: the chaos run's load without faults for a given duration. Every replica, gateway and the store is
/// sampled after a warm-up and at the end (<see cref="ProcessSample"/>, three readings 5 s apart, the heap and threads
/// the least of them): the goal "managed heap and thread count flat (growth within 5% after warm-up)" is judged on the heap after a
/// full collection and the thread count; RSS and open
/// file descriptors are shown, not judged (RSS also holds JIT code and the GC's reserve, which grow long after start).
/// Then, with the load stopped, <see cref="Afterwards"/>: every replica's legacy sessions ended after the idle timeout,
/// and no error-level log line at all (nothing is faulted, so nothing explains one).
/// </summary>
internal sealed class SoakRun(Topology topology, TimeSpan duration)
{
    private const double AllowedGrowth = 0.05;
    // Two minutes: the replicas' heaps still settle in the first 100 s of load (buffers, pools, the JIT's data).
    private static readonly TimeSpan s_warmUp = TimeSpan.FromSeconds(120);
    private const int SampleRounds = 3;
    private static readonly TimeSpan s_sampleSpacing = TimeSpan.FromSeconds(5);

    /// <summary>Runs the load, prints the tables, and returns whether every goal was met.</summary>
    public async Task<bool> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        using var load = new Load(topology, clock);
        using var stop = new CancellationTokenSource();
        var logs = new ServiceLogs(topology, clock);
        var watching = logs.WatchAsync(stop.Token);
        var running = load.RunAsync(stop.Token);
        Console.WriteLine($"Load running; warm-up {s_warmUp.TotalSeconds} s, then {duration.TotalMinutes:F1} min.");
        await Task.Delay(s_warmUp);
        var first = await SampleAsync();
        var loadStart = clock.Elapsed;
        await Task.Delay(duration);
        var last = await SampleAsync();
        await Afterwards.PrintSessionCountsAsync(topology);
        await stop.CancelAsync();
        await Task.WhenAll(running, watching);

        var calls = load.Calls.Where(c => c.Started >= loadStart).ToList();
        Console.WriteLine();
        Console.WriteLine($"Load after warm-up: {calls.Count} calls, {calls.Count(c => !c.Succeeded)} failed, {load.SessionsLost.Count} legacy sessions lost, {load.StreamCuts.Count} GET streams cut.");
        Console.WriteLine();
        var goals = new List<Goal> { Flat(first, last) };
        Console.WriteLine();
        goals.Add(await Afterwards.SessionsEndedAsync(topology));
        Console.WriteLine();
        goals.Add(Afterwards.LogErrors(logs, _ => null));
        return Goal.Print(goals);
    }

    /// <summary>Prints the samples' table and returns the goal: every process's heap and threads within 5% of their figures after warm-up.</summary>
    private static Goal Flat(List<ProcessSample> first, List<ProcessSample> last)
    {
        Console.WriteLine("| process | heap after full GC, after warm-up → end (MiB) | heap growth | threads | thread growth | RSS (MiB) | RSS growth | open fds | fd growth | heap and threads flat |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var missed = new List<string>();
        foreach (var before in first)
        {
            var after = last.FirstOrDefault(s => s.Process.Pid == before.Process.Pid);
            if (after is null)
            {
                Console.WriteLine($"| {before.Process.Name} | {Mib(before.HeapBytes / 1024)} → restarted or gone | | {before.Threads} | | {Mib(before.RssKiB)} | | {before.OpenFds} | | MISSED |");
                missed.Add(before.Process.Name);
                continue;
            }
            var heapGrowth = before.HeapBytes is { } b && after.HeapBytes is { } a ? Growth(b, a) : (double?)null;
            var threadGrowth = Growth(before.Threads, after.Threads);
            var met = heapGrowth <= AllowedGrowth && threadGrowth <= AllowedGrowth;
            if (!met)
            {
                missed.Add(before.Process.Name);
            }
            Console.WriteLine(string.Join(" | ",
                $"| {before.Process.Name}", $"{Mib(before.HeapBytes / 1024)} → {Mib(after.HeapBytes / 1024)}", heapGrowth is { } g ? Percent(g) : "not read",
                $"{before.Threads} → {after.Threads}", Percent(threadGrowth),
                $"{Mib(before.RssKiB)} → {Mib(after.RssKiB)}", Percent(Growth(before.RssKiB, after.RssKiB)),
                $"{before.OpenFds} → {after.OpenFds}", Percent(Growth(before.OpenFds, after.OpenFds)),
                (met ? "MET" : "MISSED") + " |"));
        }
        return new("soak", "managed heap and thread count flat (growth within 5% after warm-up)",
            missed.Count == 0 ? $"all {first.Count} processes within 5%" : $"outside 5% or not read: {string.Join(", ", missed)}", missed.Count == 0);
    }

    // The live heap includes what is in flight (open SSE responses, stored-event batches, running tickers), which comes
    // and goes by the second; the least of a few full-collection readings is the part that stays, which is what a leak
    // grows. Threads likewise: the thread pool adds a thread or two under a burst and retires them once idle, which on
    // about 25 threads reads as ±8% at a single instant.
    private async Task<List<ProcessSample>> SampleAsync()
    {
        var rounds = new List<ProcessSample>();
        for (var round = 0; round < SampleRounds; round++)
        {
            if (round > 0)
            {
                await Task.Delay(s_sampleSpacing);
            }
            foreach (var process in topology.Processes().OrderBy(p => p.Service, StringComparer.Ordinal).ThenBy(p => p.Instance))
            {
                if (await ProcessSample.OfAsync(process) is { } sample)
                {
                    rounds.Add(sample);
                }
            }
        }
        return [.. rounds.GroupBy(s => s.Process.Pid).Select(readings => readings.Last() with { HeapBytes = readings.Min(r => r.HeapBytes), Threads = readings.Min(r => r.Threads) })];
    }

    private static double Growth(long before, long after) => before == 0 ? 0 : (after - before) / (double)before;

    private static string Mib(long? kib) => kib is { } k ? (k / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "?";

    private static string Percent(double growth) => growth.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);
}
