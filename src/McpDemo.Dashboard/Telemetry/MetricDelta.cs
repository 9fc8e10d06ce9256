namespace McpDemo.Dashboard.Telemetry;

/// <summary>What a counter or histogram stream gained between two of its points.</summary>
/// <param name="Point">The later point.</param>
/// <param name="Count">The increase: values recorded for a histogram, the sum's growth for a counter.</param>
/// <param name="BucketCounts">For histograms, the increase per bucket.</param>
/// <param name="Interval">The time the increase happened in.</param>
internal sealed record MetricDelta(MetricPoint Point, double Count, ulong[] BucketCounts, TimeSpan Interval)
{
    /// <summary>
    /// Turns each stream's points into increases. Cumulative points are differenced; a stream's first
    /// point counts in full only if the stream started at or after <paramref name="since"/>, so
    /// history from before the charted window does not show up as one spike.
    /// </summary>
    public static IEnumerable<MetricDelta> FromPoints(IEnumerable<MetricPoint> points, DateTime since)
    {
        foreach (var stream in points.GroupBy(p => p.StreamKey))
        {
            MetricPoint? previous = null;
            foreach (var point in stream.OrderBy(p => p.Time))
            {
                var restarted = previous is null || point.StartTime != previous.StartTime || CountOf(point) < CountOf(previous);
                if (point.IsDelta || (restarted && point.StartTime >= since))
                {
                    yield return new MetricDelta(point, CountOf(point), [.. point.BucketCounts], point.Time - point.StartTime);
                }
                else if (!restarted)
                {
                    yield return new MetricDelta(point, CountOf(point) - CountOf(previous!), Subtract(point.BucketCounts, previous!.BucketCounts), point.Time - previous!.Time);
                }
                previous = point;
            }
        }
    }

    private static double CountOf(MetricPoint point) => point.Kind == MetricKind.Histogram ? point.Count : point.Value;

    private static ulong[] Subtract(IReadOnlyList<ulong> current, IReadOnlyList<ulong> previous) =>
        current.Count != previous.Count
            ? [.. current]
            : [.. current.Select((count, i) => count >= previous[i] ? count - previous[i] : count)];
}
