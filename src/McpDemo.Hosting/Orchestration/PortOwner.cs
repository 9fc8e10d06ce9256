using System.Globalization;

namespace McpDemo.Hosting.Orchestration;

/// <summary>
/// Finds which process listens on a TCP port, from <c>/proc/net/tcp{,6}</c> (the socket inode) and
/// <c>/proc/*/fd</c> (who holds that inode), so a "port in use" error can name the culprit.
/// </summary>
internal static class PortOwner
{
    private const string ListenState = "0A";

    /// <summary>" by pid N (command line)" when the holder is known, otherwise an empty string.</summary>
    public static string Describe(int port)
    {
        try
        {
            var inodes = ListeningInodes(port);
            if (inodes.Count == 0)
            {
                return "";
            }
            foreach (var pidDirectory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(pidDirectory), out var pid) || !HoldsAnyInode(pidDirectory, inodes))
                {
                    continue;
                }
                return $" by pid {pid} ({CommandLine(pidDirectory)})";
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return "";
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            // Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            foreach (var columns in File.ReadLines(table).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (columns.Length > 9 && columns[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && columns[3] == ListenState)
                {
                    inodes.Add($"socket:[{columns[9]}]");
                }
            }
        }
        return inodes;
    }

    private static bool HoldsAnyInode(string pidDirectory, HashSet<string> inodes)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(Path.Combine(pidDirectory, "fd"))
                .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string CommandLine(string pidDirectory)
    {
        // Arguments are NUL-separated and may hold newlines; the message wants one line.
        var commandLine = string.Join(' ', File.ReadAllText(Path.Combine(pidDirectory, "cmdline"))
            .Split(['\0', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return commandLine.Length > 120 ? commandLine[..117] + "..." : commandLine;
    }
}
