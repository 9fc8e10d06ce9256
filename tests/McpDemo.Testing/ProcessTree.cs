using System.Globalization;

namespace McpDemo.Testing;

/// <summary>
/// The processes an AppHost runs: itself, the DCP servers that monitor it (started detached, so found by their
/// <c>--monitor &lt;pid&gt;</c> argument), and every descendant of those: the dashboard, DCP's process monitors,
/// the <c>dotnet run</c> wrappers and the services.
/// </summary>
public static class ProcessTree
{
    /// <summary>The live pids of the AppHost <paramref name="appHostPid"/> and everything it runs.</summary>
    public static HashSet<int> Of(int appHostPid)
    {
        var processes = Live().ToList();
        var monitor = $"--monitor {appHostPid.ToString(CultureInfo.InvariantCulture)} ";
        var tree = processes.Where(p => p.Pid == appHostPid || (p.CommandLine + " ").Contains(monitor, StringComparison.Ordinal))
            .Select(p => p.Pid).ToHashSet();
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var process in processes.Where(p => tree.Contains(p.ParentPid) && !tree.Contains(p.Pid)))
            {
                grown = tree.Add(process.Pid);
            }
        }
        return tree;
    }

    /// <summary>The live children of <paramref name="pid"/>.</summary>
    public static List<int> ChildrenOf(int pid) => [.. Live().Where(p => p.ParentPid == pid).Select(p => p.Pid)];

    /// <summary>Those of <paramref name="pids"/> still alive (zombies count as gone), with their command lines.</summary>
    public static List<string> Alive(IEnumerable<int> pids)
    {
        var live = Live().ToDictionary(p => p.Pid);
        return [.. pids.Where(live.ContainsKey).Select(pid => $"{pid} {live[pid].CommandLine}")];
    }

    /// <summary>A short description of <paramref name="pids"/>, for failure messages.</summary>
    public static string Describe(IEnumerable<int> pids) => string.Join("; ", Alive(pids));

    private static IEnumerable<(int Pid, int ParentPid, string CommandLine)> Live()
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            (int, int, string)? entry = null;
            try
            {
                // stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z")
                {
                    entry = (pid, int.Parse(fields[1], CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim());
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
            if (entry is { } found)
            {
                yield return found;
            }
        }
    }
}
