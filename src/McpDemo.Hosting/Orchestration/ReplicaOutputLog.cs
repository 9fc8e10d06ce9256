using System.Collections.Concurrent;

namespace McpDemo.Hosting.Orchestration;

/// <summary>The most recent lines of a replica's output, kept for tests and the dashboard.</summary>
internal sealed class ReplicaOutputLog
{
    private const int Capacity = 2000;
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Capacity && _lines.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<string> Lines => [.. _lines];
}
