using System.Globalization;

namespace McpDemo.Topology.Tests;

/// <summary>
/// Finds the processes an AppHost started, wherever they are in the process tree (even re-parented after the
/// AppHost died): every one carries <c>MCPDEMO_PARENT_PID=&lt;AppHost pid&gt;</c> in its environment.
/// </summary>
internal static class AppHostChildren
{
    /// <summary>The pids of live processes started by the AppHost <paramref name="appHostPid"/>.</summary>
    public static IReadOnlyList<int> Of(int appHostPid)
    {
        var marker = $"MCPDEMO_PARENT_PID={appHostPid.ToString(CultureInfo.InvariantCulture)}";
        var children = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }
            try
            {
                // A zombie's environ reads empty, so only processes still running are found.
                if (File.ReadAllText(Path.Combine(folder, "environ")).Split('\0').Contains(marker))
                {
                    children.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return children;
    }

    /// <summary>Waits until the AppHost <paramref name="appHostPid"/> has no live child left; fails naming the survivors.</summary>
    public static async Task WaitUntilNoneAsync(int appHostPid, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (Of(appHostPid) is { Count: > 0 } survivors)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still running {patience.TotalSeconds:0}s later: {Describe(survivors)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The pids with their command lines, for failure messages.</summary>
    public static string Describe(IEnumerable<int> pids) =>
        string.Join("; ", pids.Select(pid => $"{pid} {ReadCommandLine(pid)}"));

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }
}
