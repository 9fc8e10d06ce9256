using System.Globalization;
using McpDemo.Testing;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// One service process at one moment: resident memory, threads and open file descriptors from /proc, and its managed
/// heap after a full collection, read through its diagnostics IPC (<see cref="RuntimeProbe"/>).
/// </summary>
/// <param name="Process">The process sampled.</param>
/// <param name="RssKiB">Resident memory, KiB (<c>VmRSS</c>).</param>
/// <param name="Threads">Its threads.</param>
/// <param name="OpenFds">Its open file descriptors.</param>
/// <param name="HeapBytes">The managed heap after the full collection the probe induced; null when it could not be read.</param>
internal sealed record ProcessSample(ServiceProcess Process, long RssKiB, int Threads, int OpenFds, long? HeapBytes)
{
    private static readonly TimeSpan s_heapPatience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Samples <paramref name="process"/>, or returns null when it is gone. /proc is read first, so the probe's own
    /// EventPipe session (a thread and a socket in the process while it lasts) is not counted.
    /// </summary>
    public static async Task<ProcessSample?> OfAsync(ServiceProcess process)
    {
        long rssKiB;
        int threads, openFds;
        try
        {
            var status = File.ReadAllLines($"/proc/{process.Pid}/status");
            long Field(string name) => long.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            (rssKiB, threads, openFds) = (Field("VmRSS"), (int)Field("Threads"), Directory.GetFiles($"/proc/{process.Pid}/fd").Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
        return new ProcessSample(process, rssKiB, threads, openFds, await HeapAfterFullCollectionAsync(process));
    }

    private static async Task<long?> HeapAfterFullCollectionAsync(ServiceProcess process)
    {
        using var patience = new CancellationTokenSource(s_heapPatience);
        try
        {
            return await new RuntimeProbe(process.Pid).HeapAfterFullCollectionAsync(patience.Token);
        }
        catch (Exception e) when (RuntimeProbe.CouldNotRead(e))
        {
            Console.Error.WriteLine($"{process.Name} (pid {process.Pid}): managed heap not read: {e.Message}");
            return null;
        }
    }
}
