using System.Globalization;

namespace McpDemo.Bench.Chaos;

/// <summary>What /proc says of one service process at one moment: resident memory, threads and open file descriptors.</summary>
internal sealed record ProcessSample(ServiceProcess Process, long RssKiB, int Threads, int OpenFds)
{
    /// <summary>Samples <paramref name="process"/>, or null when it is gone.</summary>
    public static ProcessSample? Of(ServiceProcess process)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{process.Pid}/status");
            long Field(string name) => long.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return new ProcessSample(process, Field("VmRSS"), (int)Field("Threads"), Directory.GetFiles($"/proc/{process.Pid}/fd").Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }
}
