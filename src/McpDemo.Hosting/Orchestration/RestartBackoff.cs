namespace McpDemo.Hosting.Orchestration;

/// <summary>Exponential back-off for restarting a crashed replica: the base delay, doubled per consecutive crash, capped.</summary>
/// <param name="BaseDelay">The delay before the first restart.</param>
/// <param name="MaxDelay">The longest delay; also how long a replica must run for its crash count to reset.</param>
internal sealed record RestartBackoff(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The delay before restart number <paramref name="consecutiveCrashes"/> (1 for the first).</summary>
    public TimeSpan DelayFor(int consecutiveCrashes)
    {
        var factor = Math.Pow(2, Math.Min(consecutiveCrashes - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
        return delay < BaseDelay ? BaseDelay : delay;
    }
}
