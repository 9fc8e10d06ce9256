namespace McpDemo.Client.Bench;

/// <summary>Latency percentiles in milliseconds (nearest-rank), over every successful call.</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double Max)
{
    /// <summary>Summarizes <paramref name="latenciesMs"/>; all zeros when there are none.</summary>
    public static LatencySummary From(IEnumerable<double> latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, 0, 0, 0)
            : new LatencySummary(Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}
