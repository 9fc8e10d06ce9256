using System.Collections.Concurrent;

namespace McpDemo.Hosting.Orchestration;

/// <summary>The most recent entries of an output stream (a replica's lines, a resource's console), oldest dropped first.</summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class BoundedLog<T>
{
    private const int Capacity = 2000;
    private readonly ConcurrentQueue<T> _entries = new();

    public void Add(T entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<T> Entries => [.. _entries];
}
