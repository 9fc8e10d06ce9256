using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpDemo.ServiceDefaults;

/// <summary>Stops the host gracefully once the parent named by <c>MCPDEMO_PARENT_PID</c> is gone.</summary>
internal sealed partial class ParentProcessShutdownService(
    ParentProcessWatcher watcher,
    IHostApplicationLifetime lifetime,
    ILogger<ParentProcessShutdownService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopping a host that is still starting makes its start fail (an unhandled exception), not stop.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        await watcher.WaitForParentExitAsync(stoppingToken);
        LogParentGone(watcher.ParentPid);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parent process {ParentPid} is gone; stopping.")]
    private partial void LogParentGone(int parentPid);
}
