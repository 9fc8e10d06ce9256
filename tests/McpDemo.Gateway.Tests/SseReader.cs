namespace McpDemo.Gateway.Tests;

/// <summary>Reads server-sent events from a response stream one at a time, as they arrive.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>The data of the next event, or null when the stream ends first.</summary>
    public async Task<string?> ReadDataAsync(CancellationToken cancellationToken)
    {
        string? data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && data is not null)
            {
                return data;
            }
        }
        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
