namespace McpDemo.Dashboard.Telemetry;

/// <summary>One attribute of a span, log record, metric point or resource, with its value rendered as text.</summary>
/// <param name="Key">The attribute name, e.g. <c>http.request.method</c>.</param>
/// <param name="Value">The value as text; arrays and maps are rendered as JSON-like text.</param>
public sealed record TelemetryAttribute(string Key, string Value);
