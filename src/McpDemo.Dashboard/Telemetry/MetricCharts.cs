namespace McpDemo.Dashboard.Telemetry;

/// <summary>Turns stored metric points into the three chart shapes the Metrics page draws.</summary>
internal static class MetricCharts
{
    // Guards against a zero-length interval (a point stamped with its own start time).
    private const double MinimumIntervalSeconds = 0.001;

    private static readonly (string Name, double Quantile)[] s_percentiles = [("p50", 0.50), ("p90", 0.90), ("p99", 0.99)];

    /// <summary>
    /// Events per second per replica, from a counter or a histogram's count. Increases are divided by
    /// the time they cover, so the rate is right whether services export every second or every minute,
    /// and in a bucket only partly covered.
    /// </summary>
    public static MetricChart Rate(string title, IReadOnlyList<MetricPoint> points, ChartWindow window)
    {
        var series = MetricDelta.FromPoints(points, window.Start)
            .GroupBy(d => d.Point.Resource.DisplayName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(replica =>
            {
                var values = new double?[window.BucketStarts.Count];
                foreach (var bucket in replica.GroupBy(d => window.BucketOf(d.Point.Time)).Where(b => b.Key >= 0))
                {
                    values[bucket.Key] = bucket.GroupBy(d => d.Point.StreamKey).Sum(stream =>
                        stream.Sum(d => d.Count) / Math.Max(MinimumIntervalSeconds, stream.Sum(d => d.Interval.TotalSeconds)));
                }
                return new MetricSeries(replica.Key, values);
            });
        return new MetricChart(title, "/s", window.BucketStarts, [.. series]);
    }

    /// <summary>p50, p90 and p99 over all replicas, estimated from histogram bucket increases.</summary>
    public static MetricChart Percentiles(string title, string unit, IReadOnlyList<MetricPoint> points, ChartWindow window)
    {
        // Durations in seconds read better in milliseconds.
        var scale = unit == "s" ? 1000 : 1;
        var shownUnit = unit == "s" ? "ms" : unit;
        var byBucket = new List<MetricDelta>?[window.BucketStarts.Count];
        foreach (var delta in MetricDelta.FromPoints(points.Where(p => p.Kind == MetricKind.Histogram), window.Start))
        {
            var bucket = window.BucketOf(delta.Point.Time);
            if (bucket >= 0 && delta.Count > 0)
            {
                (byBucket[bucket] ??= []).Add(delta);
            }
        }
        var series = s_percentiles.Select(p => new MetricSeries(
            p.Name,
            [.. byBucket.Select(deltas => deltas is null ? null : Quantile(deltas, p.Quantile) * scale)]));
        return new MetricChart(title, shownUnit, window.BucketStarts, [.. series]);
    }

    /// <summary>The latest value per replica in each bucket, summed over the replica's streams.</summary>
    public static MetricChart Gauge(string title, string unit, IReadOnlyList<MetricPoint> points, ChartWindow window)
    {
        var series = points
            .GroupBy(p => p.Resource.DisplayName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(replica =>
            {
                var values = new double?[window.BucketStarts.Count];
                foreach (var bucket in replica.GroupBy(p => window.BucketOf(p.Time)).Where(b => b.Key >= 0))
                {
                    values[bucket.Key] = bucket.GroupBy(p => p.StreamKey).Sum(stream => stream.MaxBy(p => p.Time)!.Value);
                }
                return new MetricSeries(replica.Key, values);
            });
        return new MetricChart(title, unit, window.BucketStarts, [.. series]);
    }

    /// <summary>
    /// Estimates a quantile by merging bucket counts (streams with other bounds are left out) and
    /// interpolating linearly inside the bucket the quantile falls in.
    /// </summary>
    private static double? Quantile(List<MetricDelta> deltas, double quantile)
    {
        var bounds = deltas[0].Point.ExplicitBounds;
        var merged = new ulong[bounds.Count + 1];
        foreach (var delta in deltas.Where(d => d.Point.ExplicitBounds.SequenceEqual(bounds) && d.BucketCounts.Length == merged.Length))
        {
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i] += delta.BucketCounts[i];
            }
        }
        var total = merged.Aggregate(0UL, (sum, count) => sum + count);
        if (total == 0)
        {
            return null;
        }
        var rank = quantile * total;
        var seen = 0UL;
        for (var i = 0; i < merged.Length; i++)
        {
            if (merged[i] == 0 || seen + merged[i] < rank)
            {
                seen += merged[i];
                continue;
            }
            var lower = i == 0 ? 0 : bounds[i - 1];
            // The overflow bucket has no upper bound: report its lower bound rather than invent one.
            var upper = i < bounds.Count ? bounds[i] : lower;
            return lower + ((upper - lower) * (rank - seen) / merged[i]);
        }
        return bounds.Count > 0 ? bounds[^1] : null;
    }
}
