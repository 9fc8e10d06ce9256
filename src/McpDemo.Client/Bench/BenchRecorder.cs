using System.Collections.Concurrent;

namespace McpDemo.Client.Bench;

/// <summary>What the bench workers saw, recorded from many threads at once.</summary>
internal sealed class BenchRecorder
{
    private readonly ConcurrentQueue<double> _latenciesMs = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _failed;

    /// <summary>Calls that succeeded so far.</summary>
    public int Succeeded => _latenciesMs.Count;

    /// <summary>Calls that failed so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>The latency of every successful call, in milliseconds.</summary>
    public IEnumerable<double> LatenciesMs => _latenciesMs;

    /// <summary>Failures by message, most frequent first.</summary>
    public IEnumerable<KeyValuePair<string, int>> Errors => _errors.OrderByDescending(pair => pair.Value);

    public void RecordSuccess(TimeSpan latency) => _latenciesMs.Enqueue(latency.TotalMilliseconds);

    public void RecordFailure(string message)
    {
        Interlocked.Increment(ref _failed);
        _errors.AddOrUpdate(message, 1, static (_, count) => count + 1);
    }
}
