using McpDemo.Dashboard.Otlp.Proto.Collector.Logs;
using McpDemo.Dashboard.Telemetry;
using Microsoft.Extensions.Logging;

namespace McpDemo.Dashboard.Otlp;

/// <summary>Turns an OTLP logs export into stored log records.</summary>
internal static class OtlpLogConverter
{
    public static IEnumerable<LogEntry> ToLogs(ExportLogsServiceRequest request) =>
        from resourceLogs in request.ResourceLogs
        let resource = OtlpConvert.ToResource(resourceLogs.Resource)
        from scopeLogs in resourceLogs.ScopeLogs
        from record in scopeLogs.LogRecords
        select new LogEntry
        {
            Timestamp = OtlpConvert.ToTime(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
            Level = ToLevel((int)record.SeverityNumber),
            Message = OtlpConvert.ToText(record.Body),
            Resource = resource,
            Category = scopeLogs.Scope?.Name ?? "",
            TraceId = OtlpConvert.ToId(record.TraceId),
            SpanId = OtlpConvert.ToId(record.SpanId),
            Attributes = OtlpConvert.ToAttributes(record.Attributes),
        };

    /// <summary>OTLP severity numbers come in ranges of four per level: 1-4 trace, 5-8 debug, and so on up to 21-24 fatal.</summary>
    private static LogLevel ToLevel(int severityNumber) => severityNumber switch
    {
        >= 21 => LogLevel.Critical,
        >= 17 => LogLevel.Error,
        >= 13 => LogLevel.Warning,
        >= 9 => LogLevel.Information,
        >= 5 => LogLevel.Debug,
        >= 1 => LogLevel.Trace,
        _ => LogLevel.None,
    };
}
