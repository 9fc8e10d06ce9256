using System.Globalization;
using System.Runtime.InteropServices;

namespace McpDemo.Hosting.Orchestration;

/// <summary>Signals and process-tree queries on Linux, read from <c>/proc</c>.</summary>
internal static partial class ProcessTree
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Asks the process to stop gracefully (SIGTERM); .NET's own Kill only sends SIGKILL.</summary>
    public static void Terminate(int pid) => _ = SendSignal(pid, SigTerm);

    /// <summary>Kills the process at once (SIGKILL).</summary>
    public static void Kill(int pid) => _ = SendSignal(pid, SigKill);

    /// <summary>Whether <paramref name="pid"/> is a live process (not gone, not a zombie waiting to be reaped).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            return ReadStat(pid) is { State: not 'Z' and not 'X' };
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Every live descendant of <paramref name="pid"/>: children, grandchildren and so on.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(directory), out var candidate))
            {
                try
                {
                    parents[candidate] = ReadStat(candidate).ParentPid;
                }
                catch (IOException)
                {
                    // The process ended while we looked; it has no descendants to worry about.
                }
            }
        }
        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }
        return found;
    }

    private static (char State, int ParentPid) ReadStat(int pid)
    {
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
