using Microsoft.Extensions.Logging;

namespace McpDemo.Dashboard.Telemetry;

/// <summary>Which log records to return; every filter left null matches everything.</summary>
public sealed record LogQuery
{
    /// <summary>Only records from this service (resource name).</summary>
    public string? Service { get; init; }

    /// <summary>Only records at this level or above.</summary>
    public LogLevel? MinimumLevel { get; init; }

    /// <summary>Only records whose message, category or attribute values contain this text (case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>Only records written inside this trace.</summary>
    public string? TraceId { get; init; }

    /// <summary>At most this many records, the newest. Default 500.</summary>
    public int Limit { get; init; } = 500;
}
