using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpDemo.StreamableHttp.Sessions;

/// <summary>
/// Ends idle sessions even when no client asks for them again, so abandoned sessions do not hold memory until
/// the cap evicts them. Checks a few times per idle timeout, at most once a minute.
/// </summary>
internal sealed class IdleSessionSweeper(McpSessionStore sessions, IOptions<McpHttpOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SessionMode == McpSessionMode.Stateless)
        {
            return;
        }

        var period = TimeSpan.FromTicks(Math.Clamp(options.Value.IdleTimeout.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await sessions.RemoveIdleSessionsAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
