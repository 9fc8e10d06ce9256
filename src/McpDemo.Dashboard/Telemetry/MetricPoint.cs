namespace McpDemo.Dashboard.Telemetry;

/// <summary>One received metric data point: a number for gauges and sums, buckets for histograms.</summary>
public sealed record MetricPoint
{
    /// <summary>The instrument name, e.g. <c>http.server.request.duration</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The unit, e.g. <c>s</c>.</summary>
    public string Unit { get; init; } = "";

    /// <summary>The instrument description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The data type.</summary>
    public required MetricKind Kind { get; init; }

    /// <summary>For sums, whether the value only grows (a counter).</summary>
    public bool IsMonotonic { get; init; }

    /// <summary>Whether the value covers only the interval since the previous point (delta temporality) rather than since <see cref="StartTime"/>.</summary>
    public bool IsDelta { get; init; }

    /// <summary>The process that reported the point.</summary>
    public required TelemetryResource Resource { get; init; }

    /// <summary>The point's attributes; together with the resource they identify one stream.</summary>
    public IReadOnlyList<TelemetryAttribute> Attributes { get; init; } = [];

    /// <summary>The start of the interval the point covers (UTC).</summary>
    public DateTime StartTime { get; init; }

    /// <summary>When the point was observed (UTC).</summary>
    public required DateTime Time { get; init; }

    /// <summary>The value of a gauge or sum.</summary>
    public double Value { get; init; }

    /// <summary>A histogram's number of recorded values.</summary>
    public ulong Count { get; init; }

    /// <summary>A histogram's sum of recorded values.</summary>
    public double Sum { get; init; }

    /// <summary>A histogram's bucket upper bounds; the last bucket is unbounded.</summary>
    public IReadOnlyList<double> ExplicitBounds { get; init; } = [];

    /// <summary>A histogram's counts per bucket: one more than <see cref="ExplicitBounds"/>.</summary>
    public IReadOnlyList<ulong> BucketCounts { get; init; } = [];

    /// <summary>A key that identifies the point's stream: its resource and attributes.</summary>
    public string StreamKey => $"{Resource.ServiceName}|{Resource.InstanceId}|{string.Join(',', Attributes.Select(a => a.Key + "=" + a.Value))}";
}
