using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace McpDemo.Testing;

/// <summary>
/// Reads a running .NET process from the outside, through the diagnostics IPC every .NET process opens (an EventPipe
/// session, as dotnet-gcdump and dotnet-counters do): nothing in the process has to export anything for it.
/// </summary>
/// <param name="pid">The process to read.</param>
public sealed class RuntimeProbe(int pid)
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GCKeyword = 0x1;

    // Enabling this keyword makes the runtime run a blocking full collection at once (what dotnet-gcdump relies on).
    private const long GCHeapCollectKeyword = 0x800000;

    private const string MetricsProvider = "System.Diagnostics.Metrics";
    private const long TimeSeriesValuesKeyword = 0x2;

    /// <summary>
    /// Whether <paramref name="exception"/> is what a read throws when it could not be done: the process ended or has no
    /// diagnostics IPC, or it did not answer before the caller's cancellation.
    /// </summary>
    public static bool CouldNotRead(Exception exception) =>
        exception is OperationCanceledException or InvalidOperationException or IOException or ServerNotAvailableException;

    /// <summary>
    /// Has the process run a blocking full collection and returns the bytes that survived it: what each generation, the
    /// large and the pinned object heap kept (GCHeapStats' promoted sizes), which is what dotnet-gcdump counts. Not the
    /// generations' sizes: those include free space, and the large object heap, never compacted, keeps freed blocks of a
    /// MiB that come and go over minutes (6.5% of a replica's heap either way in the soak).
    /// </summary>
    public Task<long> HeapAfterFullCollectionAsync(CancellationToken cancellationToken) =>
        ReadAsync<long>(new EventPipeProvider(RuntimeProvider, EventLevel.Informational, GCKeyword | GCHeapCollectKeyword), (source, found) =>
        {
            var fullCollectionRunning = false;
            source.Clr.GCStart += start => fullCollectionRunning |= start.Depth == 2 && start.Type == GCType.NonConcurrentGC;
            source.Clr.GCHeapStats += stats =>
            {
                if (fullCollectionRunning)
                {
                    found.TrySetResult(stats.TotalPromotedSize0 + stats.TotalPromotedSize1 + stats.TotalPromotedSize2 + stats.TotalPromotedSize3 + stats.TotalPromotedSize4);
                }
            };
        }, cancellationToken);

    /// <summary>
    /// The value the process's <paramref name="meter"/> reports for <paramref name="instrument"/> at its next collection
    /// (a counter's or up-down counter's total, a gauge's last value), through the System.Diagnostics.Metrics provider.
    /// An instrument with tags reports one value per tag set; this returns the first one reported.
    /// </summary>
    public Task<double> ReadMetricAsync(string meter, string instrument, CancellationToken cancellationToken)
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SessionId"] = sessionId,
            ["Metrics"] = $@"{meter}\{instrument}",
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "100",
            ["MaxHistograms"] = "10",
        };
        return ReadAsync<double>(new EventPipeProvider(MetricsProvider, EventLevel.Informational, TimeSeriesValuesKeyword, arguments), (source, found) =>
            source.Dynamic.All += e =>
            {
                var valueField = e.EventName switch
                {
                    "CounterRateValuePublished" or "UpDownCounterRateValuePublished" => "value",
                    "GaugeValuePublished" => "lastValue",
                    _ => null,
                };
                if (valueField is not null && e.PayloadByName("sessionId") as string == sessionId && e.PayloadByName("instrumentName") as string == instrument
                    && double.TryParse(e.PayloadByName(valueField) as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    found.TrySetResult(value);
                }
            }, cancellationToken);
    }

    /// <summary>Runs an EventPipe session with <paramref name="provider"/> until <paramref name="subscribe"/>'s handlers find the answer.</summary>
    private async Task<T> ReadAsync<T>(EventPipeProvider provider, Action<EventPipeEventSource, TaskCompletionSource<T>> subscribe, CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(pid);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, cancellationToken);
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new EventPipeEventSource(session.EventStream);
        subscribe(source, found);
        // Process() returns when the session is stopped (or the process ends); an end without the answer is a failure.
        var processing = Task.Run(() =>
        {
            source.Process();
            found.TrySetException(new InvalidOperationException($"Process {pid} ended the EventPipe session before reporting what {provider.Name} was asked for."));
        }, CancellationToken.None);
        try
        {
            return await found.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            try
            {
                await session.StopAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is ServerNotAvailableException or EndOfStreamException or IOException)
            {
                // The process ended: its session ended with it.
            }
            await processing;
        }
    }
}
