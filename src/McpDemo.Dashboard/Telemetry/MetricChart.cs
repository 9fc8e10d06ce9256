namespace McpDemo.Dashboard.Telemetry;

/// <summary>A chart's worth of data: named series over shared time buckets.</summary>
/// <param name="Title">What the chart shows.</param>
/// <param name="Unit">The unit of the values, e.g. <c>req/s</c> or <c>ms</c>.</param>
/// <param name="BucketStarts">The start of each time bucket (UTC), oldest first.</param>
/// <param name="Series">One line per series; each has a value (or null for no data) per bucket.</param>
public sealed record MetricChart(string Title, string Unit, IReadOnlyList<DateTime> BucketStarts, IReadOnlyList<MetricSeries> Series);

/// <summary>One line of a <see cref="MetricChart"/>.</summary>
/// <param name="Name">The legend label, e.g. a replica's instance id or <c>p99</c>.</param>
/// <param name="Values">One value per bucket; null where nothing was reported.</param>
public sealed record MetricSeries(string Name, IReadOnlyList<double?> Values);
