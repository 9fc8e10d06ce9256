using McpDemo.Dashboard.Telemetry;

namespace McpDemo.Dashboard.Tests;

/// <summary>
/// Cumulative request histograms and session gauges every five seconds over the last minutes, as
/// replicas exporting for a while would leave in the store; one OTLP export cannot span time.
/// </summary>
internal static class MetricHistory
{
    private static readonly double[] s_bounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1];

    public static IEnumerable<MetricPoint> LastMinutes(int minutes, string[] replicas)
    {
        var now = DateTime.UtcNow;
        var start = now.AddMinutes(-minutes);
        for (var r = 0; r < replicas.Length; r++)
        {
            var resource = new TelemetryResource("server", replicas[r]);
            var buckets = new ulong[s_bounds.Length + 1];
            ulong count = 0;
            for (var (time, step) = (start, 0); time <= now; time = time.AddSeconds(5), step++)
            {
                // A wave of load that differs per replica, so the lines are told apart.
                var requests = (ulong)(20 + (15 * Math.Sin((step / 6.0) + r)) + (r * 5));
                buckets[1] += requests / 2;
                buckets[2] += requests / 3;
                buckets[4 + (step % 3)] += requests - (requests / 2) - (requests / 3);
                count += requests;
                yield return new MetricPoint
                {
                    Name = "http.server.request.duration",
                    Unit = "s",
                    Kind = MetricKind.Histogram,
                    Resource = resource,
                    StartTime = start,
                    Time = time,
                    Count = count,
                    ExplicitBounds = s_bounds,
                    BucketCounts = [.. buckets],
                };
                yield return new MetricPoint
                {
                    Name = "mcp.server.sessions.active",
                    Kind = MetricKind.Sum,
                    Resource = resource,
                    StartTime = start,
                    Time = time,
                    Value = Math.Round(8 + (6 * Math.Cos((step / 8.0) + (2 * r)))),
                };
            }
        }
    }
}
