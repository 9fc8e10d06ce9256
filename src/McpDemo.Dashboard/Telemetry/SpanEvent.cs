namespace McpDemo.Dashboard.Telemetry;

/// <summary>A timestamped event inside a span, such as a recorded exception.</summary>
/// <param name="Name">The event name, e.g. <c>exception</c>.</param>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Attributes">The event's attributes.</param>
public sealed record SpanEvent(string Name, DateTime Time, IReadOnlyList<TelemetryAttribute> Attributes);
