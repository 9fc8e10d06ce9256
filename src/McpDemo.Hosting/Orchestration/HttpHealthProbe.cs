namespace McpDemo.Hosting.Orchestration;

/// <summary>Asks a replica's health URL, once or until it answers 2xx, the process exits, or the wait is cancelled.</summary>
internal sealed class HttpHealthProbe : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>True once <paramref name="url"/> is healthy; false if <paramref name="processExited"/> completes first.</summary>
    public async Task<bool> WaitUntilHealthyAsync(Uri url, Task processExited, CancellationToken cancellationToken)
    {
        while (!processExited.IsCompleted)
        {
            if (await IsHealthyAsync(url, cancellationToken))
            {
                return true;
            }
            await Task.WhenAny(processExited, Task.Delay(PollInterval, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        return false;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>True if <paramref name="url"/> answers 2xx now.</summary>
    public async Task<bool> IsHealthyAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
