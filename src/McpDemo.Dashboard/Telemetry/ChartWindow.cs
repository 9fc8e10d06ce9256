namespace McpDemo.Dashboard.Telemetry;

/// <summary>The time range a chart covers, cut into equal buckets ending now.</summary>
internal sealed class ChartWindow
{
    private const int BucketCount = 60;

    public ChartWindow(TimeSpan length, DateTime now)
    {
        BucketSize = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, length.Ticks / BucketCount));
        var end = new DateTime(now.Ticks - (now.Ticks % BucketSize.Ticks), DateTimeKind.Utc) + BucketSize;
        Start = end - (BucketSize * BucketCount);
        BucketStarts = [.. Enumerable.Range(0, BucketCount).Select(i => Start + (BucketSize * i))];
    }

    public DateTime Start { get; }

    public TimeSpan BucketSize { get; }

    public IReadOnlyList<DateTime> BucketStarts { get; }

    /// <summary>The bucket a time falls in, or -1 outside the window.</summary>
    public int BucketOf(DateTime time)
    {
        var index = (int)((time - Start).Ticks / BucketSize.Ticks);
        return time < Start || index >= BucketStarts.Count ? -1 : index;
    }
}
