namespace McpDemo.ConformanceServer.Resources;

/// <summary>
/// The content behind <c>test://watched-resource</c>: it gets a new revision every few seconds and
/// tells the subscribed sessions, so clients can see <c>notifications/resources/updated</c> arrive.
/// </summary>
internal sealed class WatchedResource(ResourceSubscriptions subscriptions) : BackgroundService
{
    /// <summary>The URI of this resource.</summary>
    public const string Uri = "test://watched-resource";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private long _revision;

    /// <summary>The current content, naming its revision so a re-read visibly differs.</summary>
    public string Content => $"Watched resource content, revision {Interlocked.Read(ref _revision)}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Interlocked.Increment(ref _revision);
            await subscriptions.NotifyUpdatedAsync(Uri, stoppingToken);
        }
    }
}
