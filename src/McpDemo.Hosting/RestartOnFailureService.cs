using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpDemo.Hosting;

/// <summary>
/// Watches the state of every resource with a <see cref="RestartOnFailureAnnotation"/> and starts it again,
/// with Aspire's own start command, when it reaches a terminal state without passing through "Stopping"
/// (which a stop from the dashboard or CLI shows first) while the app itself is not shutting down.
/// </summary>
internal sealed class RestartOnFailureService(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    ILogger<RestartOnFailureService> logger) : BackgroundService
{
    /// <summary>A replica that stays up this long is healthy again: its next crash restarts after the shortest delay.</summary>
    private static readonly TimeSpan s_stableUptime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Watch> _watches = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping.Token))
            {
                if (change.Resource.Annotations.OfType<RestartOnFailureAnnotation>().LastOrDefault() is { } annotation)
                {
                    Observe(change, annotation, stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is shutting down: nothing is restarted any more.
        }
    }

    private void Observe(ResourceEvent change, RestartOnFailureAnnotation annotation, CancellationToken stopping)
    {
        var watch = _watches.GetOrAdd(change.ResourceId, _ => new Watch());
        var state = change.Snapshot.State?.Text;
        int restart;
        lock (watch)
        {
            if (state == KnownResourceStates.Stopping)
            {
                watch.StopRequested = true;
                return;
            }
            if (state == KnownResourceStates.Running)
            {
                if (watch.RunningSince is null)
                {
                    watch.RunningSince = DateTimeOffset.UtcNow;
                    watch.StopRequested = false;
                    watch.Restarting = false;
                }
                return;
            }
            if (!IsDead(state) || watch.Restarting || stopping.IsCancellationRequested)
            {
                return;
            }
            var ranLongEnough = watch.RunningSince is { } since && DateTimeOffset.UtcNow - since >= s_stableUptime;
            watch.RunningSince = null;
            if (watch.StopRequested)
            {
                watch.StopRequested = false;
                return;
            }
            watch.Failures = ranLongEnough ? 1 : watch.Failures + 1;
            watch.Restarting = true;
            restart = watch.Failures;
        }
        // Outside the lock: the first restart has no delay, so the start command runs before RestartAsync returns.
        _ = RestartAsync(change.Resource, change.ResourceId, change.Snapshot.ExitCode, DelayBefore(restart, annotation.MaxDelay), restart, stopping);
    }

    /// <summary>
    /// None before the first restart: a crash is usually a one-off (a kill, an out-of-memory), and every second the
    /// replica is down is a second out of the gateways' rotation. Then 1 s, doubling up to <paramref name="maxDelay"/>,
    /// so a process that dies at start does not spin.
    /// </summary>
    private static TimeSpan DelayBefore(int restart, TimeSpan maxDelay) =>
        restart == 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, restart - 2), maxDelay.TotalSeconds));

    private static bool IsDead(string? state) =>
        state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart;

    private async Task RestartAsync(IResource resource, string resourceId, int? exitCode, TimeSpan delay, int attempt, CancellationToken stopping)
    {
        var log = resourceLogs.GetLogger(resourceId);
        log.LogWarning(
            "McpDemo: {Resource} exited unexpectedly (exit code {ExitCode}); restarting in {Delay} s (restart {Attempt}).",
            resource.Name, exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", delay.TotalSeconds, attempt);
        try
        {
            await Task.Delay(delay, stopping);
            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success)
            {
                log.LogError("McpDemo: restarting {Resource} failed: {Error}", resource.Name, result.Message);
                _watches[resourceId].Restarting = false;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl+C during the backoff: the app is stopping, so the replica stays down.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Restarting {Resource} failed.", resource.Name);
            _watches[resourceId].Restarting = false;
        }
    }

    /// <summary>What is known of one resource instance between notifications.</summary>
    private sealed class Watch
    {
        public DateTimeOffset? RunningSince { get; set; }

        public bool StopRequested { get; set; }

        public bool Restarting { get; set; }

        public int Failures { get; set; }
    }
}
