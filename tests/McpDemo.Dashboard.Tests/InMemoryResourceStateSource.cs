using System.Collections.Concurrent;
using McpDemo.Dashboard.Resources;

namespace McpDemo.Dashboard.Tests;

/// <summary>A hand-filled <see cref="IResourceStateSource"/>, standing in for the AppHost's orchestrator.</summary>
internal sealed class InMemoryResourceStateSource : IResourceStateSource
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ConsoleLine>> _console = new();

    public IReadOnlyList<ResourceSnapshot> Resources { get; set; } = [];

    public IReadOnlyList<ResourceSnapshot> GetResources() => Resources;

    public IReadOnlyList<ConsoleLine> GetConsoleLines(string resourceName, int maxLines) =>
        _console.TryGetValue(resourceName, out var lines) ? [.. lines.TakeLast(maxLines)] : [];

    public void WriteLine(string resourceName, string instanceId, string text, bool isError = false) =>
        _console.GetOrAdd(resourceName, _ => new()).Enqueue(new ConsoleLine(DateTimeOffset.UtcNow, instanceId, text, isError));
}
