using System.Globalization;
using McpDemo.Testing;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// Issue 18's checks once the load has stopped: every replica's legacy session count back to zero after the idle
/// timeout (the <c>mcpdemo.server.sessions</c> gauge, read through each replica's EventPipe), and no error-level log
/// line but those a fault explains.
/// </summary>
internal static class Afterwards
{
    /// <summary>The legacy-session idle timeout the run gives the replicas: short, so the run can wait for it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The environment variable that carries <see cref="IdleTimeout"/> from the driver, through the AppHost and DCP, to the replicas.</summary>
    public const string IdleTimeoutVariable = "Mcp__IdleTimeout";

    // The SDK ends idle sessions at a sweep every 5 s, so a session idle for the timeout is gone one sweep later at most.
    private static readonly TimeSpan s_idleSweep = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_probePatience = TimeSpan.FromSeconds(30);
    private const string Afterward = "afterwards";

    /// <summary>Sets <see cref="IdleTimeoutVariable"/> for the processes this one starts (the AppHost, and through it the services).</summary>
    public static void ShortenIdleTimeout() =>
        Environment.SetEnvironmentVariable(IdleTimeoutVariable, IdleTimeout.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>Waits the idle timeout plus a sweep, then reads each replica's gauge: the goal is 0 on every one.</summary>
    public static async Task<Goal> SessionsEndedAsync(Topology topology)
    {
        const string asks = "every replica's legacy session count returns to zero after the idle timeout";
        var replicas = topology.Processes().Where(p => p.Service == "server").OrderBy(p => p.Instance).ToList();
        var missing = replicas.Where(r => !r.Environment.ContainsKey(IdleTimeoutVariable)).Select(r => r.Name).ToList();
        if (missing.Count > 0)
        {
            return new(Afterward, asks, $"{string.Join(", ", missing)} did not get {IdleTimeoutVariable} (idle timeout 2 h): not waited for", null);
        }
        var wait = IdleTimeout + s_idleSweep + TimeSpan.FromSeconds(1);
        Console.WriteLine($"Load stopped; waiting {wait.TotalSeconds:F0} s (idle timeout {IdleTimeout.TotalSeconds:F0} s + the SDK's {s_idleSweep.TotalSeconds:F0} s sweep) before reading each replica's mcpdemo.server.sessions.");
        await Task.Delay(wait);
        var counts = await SessionCountsAsync(replicas);
        return new(Afterward, asks, string.Join(", ", counts.Select(c => $"{c.Replica}: {c.Sessions?.ToString(CultureInfo.InvariantCulture) ?? "unreadable"}")),
            counts.All(c => c.Sessions == 0));
    }

    /// <summary>Prints each replica's legacy session count now (with the load running, to show what the goal counts down from).</summary>
    public static async Task PrintSessionCountsAsync(Topology topology)
    {
        var counts = await SessionCountsAsync([.. topology.Processes().Where(p => p.Service == "server").OrderBy(p => p.Instance)]);
        Console.WriteLine($"Legacy sessions held with the load running (mcpdemo.server.sessions): {string.Join(", ", counts.Select(c => $"{c.Replica}: {c.Sessions?.ToString(CultureInfo.InvariantCulture) ?? "unreadable"}"))}.");
    }

    /// <summary>Each replica's <c>mcpdemo.server.sessions</c>, read through its EventPipe; null when it could not be read.</summary>
    private static async Task<List<(string Replica, double? Sessions)>> SessionCountsAsync(List<ServiceProcess> replicas)
    {
        var counts = new List<(string, double?)>();
        foreach (var replica in replicas)
        {
            using var patience = new CancellationTokenSource(s_probePatience);
            try
            {
                counts.Add((replica.Name, await new RuntimeProbe(replica.Pid).ReadMetricAsync("McpDemo", "mcpdemo.server.sessions", patience.Token)));
            }
            catch (Exception e) when (RuntimeProbe.CouldNotRead(e))
            {
                Console.Error.WriteLine($"{replica.Name} (pid {replica.Pid}): mcpdemo.server.sessions not read: {e.Message}");
                counts.Add((replica.Name, null));
            }
        }
        return counts;
    }

    /// <summary>
    /// Prints the error-level entries the services logged, grouped, and returns the goal: none that
    /// <paramref name="explain"/> does not explain (it returns why an entry is explained, or null).
    /// </summary>
    public static Goal LogErrors(ServiceLogs logs, Func<LogEntry, string?> explain)
    {
        var errors = logs.Errors();
        var unexplained = errors.Count(e => explain(e) is null);
        var unread = logs.Unread.Count > 0 ? $"; output not found for {string.Join(", ", logs.Unread)}" : "";
        var measured = $"{errors.Count} error-level entries of {logs.EntriesRead} read, {unexplained} unexplained{unread}";
        Console.WriteLine($"Service output (console formatter entries, and stderr lines): {measured}.");
        if (errors.Count > 0)
        {
            ServiceLogs.Print(errors, e => explain(e) ?? "no");
        }
        Console.WriteLine();
        return new(Afterward, "no error-level log line except those the faults explain", measured, unexplained == 0 && logs.Unread.Count == 0 && logs.EntriesRead > 0);
    }
}
