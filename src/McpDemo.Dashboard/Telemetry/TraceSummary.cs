namespace McpDemo.Dashboard.Telemetry;

/// <summary>One trace as the Traces page lists it.</summary>
/// <param name="TraceId">The trace id.</param>
/// <param name="RootName">The root span's name (the earliest span when the root has not arrived).</param>
/// <param name="RootService">The service that recorded the root span.</param>
/// <param name="Services">The services the trace touched, in order of first appearance.</param>
/// <param name="StartTime">The earliest span start (UTC).</param>
/// <param name="Duration">From the earliest start to the latest end.</param>
/// <param name="SpanCount">The number of spans received.</param>
/// <param name="HasError">Whether any span has error status.</param>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    DateTime StartTime,
    TimeSpan Duration,
    int SpanCount,
    bool HasError);
