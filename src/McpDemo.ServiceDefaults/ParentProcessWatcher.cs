using System.Diagnostics;
using System.Globalization;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Waits for a parent process to go away, so children of an AppHost that was killed outright
/// (SIGKILL leaves no chance to stop them) exit on their own, as Aspire DCP's children do.
/// The parent is identified by pid and start time, so a recycled pid is not mistaken for it.
/// </summary>
public sealed class ParentProcessWatcher
{
    /// <summary>The environment variable an AppHost sets to its own pid.</summary>
    public const string ParentPidVariable = "MCPDEMO_PARENT_PID";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly long? _parentStartTime;

    private ParentProcessWatcher(int parentPid)
    {
        ParentPid = parentPid;
        _parentStartTime = StartTimeOf(parentPid);
    }

    /// <summary>The pid being watched.</summary>
    public int ParentPid { get; }

    /// <summary>A watcher for the pid in <see cref="ParentPidVariable"/>, or <see langword="null"/> when it is not set.</summary>
    public static ParentProcessWatcher? FromEnvironment() => ForPid(Environment.GetEnvironmentVariable(ParentPidVariable));

    /// <summary>A watcher for <paramref name="parentPid"/>, or <see langword="null"/> when it is empty.</summary>
    /// <exception cref="FormatException">The value is not a positive process id.</exception>
    public static ParentProcessWatcher? ForPid(string? parentPid)
    {
        if (string.IsNullOrWhiteSpace(parentPid))
        {
            return null;
        }
        if (!int.TryParse(parentPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            throw new FormatException($"{ParentPidVariable}='{parentPid}' is not a process id.");
        }
        return new ParentProcessWatcher(pid);
    }

    /// <summary>Whether the parent is still running (the same process, not a later one given its pid).</summary>
    public bool IsParentAlive => _parentStartTime is { } started && StartTimeOf(ParentPid) == started;

    /// <summary>Completes within about half a second of the parent being gone (at once if it already is).</summary>
    public async Task WaitForParentExitAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (IsParentAlive)
        {
            await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An opaque start stamp of a running process, or <see langword="null"/> when no such process runs.</summary>
    private static long? StartTimeOf(int pid) => OperatingSystem.IsLinux() ? StartTimeFromProcFs(pid) : StartTimeFromProcessApi(pid);

    // /proc also shows zombies: a killed AppHost whose own parent has not reaped it yet is still gone.
    private static long? StartTimeFromProcFs(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // "pid (comm) state ppid ... starttime ...": comm may hold spaces and parentheses, so split after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const int StateField = 0, StartTimeField = 19; // fields 3 and 22 of proc(5)
        if (fields[StateField] is "Z" or "X")
        {
            return null;
        }
        return long.Parse(fields[StartTimeField], CultureInfo.InvariantCulture);
    }

    private static long? StartTimeFromProcessApi(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
