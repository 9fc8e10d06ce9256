using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using McpDemo.Dashboard.Otlp.Proto.Common;
using McpDemo.Dashboard.Telemetry;
using ProtoResource = McpDemo.Dashboard.Otlp.Proto.Resource.Resource;

namespace McpDemo.Dashboard.Otlp;

/// <summary>The conversions every OTLP signal shares: resources, attributes, ids and timestamps.</summary>
internal static class OtlpConvert
{
    private const string UnknownService = "unknown_service";

    public static TelemetryResource ToResource(ProtoResource? resource)
    {
        string? Find(string key) => resource?.Attributes.FirstOrDefault(a => a.Key == key)?.Value?.StringValue;
        var serviceName = Find("service.name");
        return new TelemetryResource(string.IsNullOrEmpty(serviceName) ? UnknownService : serviceName, Find("service.instance.id") ?? "");
    }

    public static IReadOnlyList<TelemetryAttribute> ToAttributes(RepeatedField<KeyValue> attributes) =>
        [.. attributes.Select(a => new TelemetryAttribute(a.Key, ToText(a.Value)))];

    public static string ToText(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(ToText)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => kv.Key + ": " + ToText(kv.Value))) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    /// <summary>A trace or span id as lowercase hex, or null when absent (empty or all zeros).</summary>
    public static string? ToId(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    public static DateTime ToTime(ulong unixNanos) =>
        DateTime.UnixEpoch.AddTicks((long)Math.Min(unixNanos / 100, (ulong)(DateTime.MaxValue - DateTime.UnixEpoch).Ticks));
}
