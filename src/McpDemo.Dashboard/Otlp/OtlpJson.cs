using System.Text.Json.Nodes;
using Google.Protobuf;

namespace McpDemo.Dashboard.Otlp;

/// <summary>
/// OTLP/JSON support. It is the protobuf JSON mapping with one exception: trace and span ids are
/// hex strings, not base64, so they are rewritten before Google.Protobuf parses the document.
/// </summary>
internal static class OtlpJson
{
    private static readonly HashSet<string> s_idFields = ["traceId", "spanId", "parentSpanId"];
    private static readonly JsonParser s_parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>Parses an OTLP/JSON document.</summary>
    /// <exception cref="Exception">One that <see cref="IsInvalidInput"/> accepts when the document is not a valid message.</exception>
    public static T Parse<T>(byte[] utf8Json)
        where T : IMessage<T>, new()
    {
        var document = JsonNode.Parse(utf8Json);
        RewriteIds(document);
        return s_parser.Parse<T>(document?.ToJsonString() ?? "");
    }

    /// <summary>Whether an exception from <see cref="Parse{T}"/> blames the document rather than the code.</summary>
    public static bool IsInvalidInput(Exception exception) =>
        exception is System.Text.Json.JsonException or InvalidJsonException or InvalidProtocolBufferException or FormatException or ArgumentException or InvalidOperationException;

    private static void RewriteIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (s_idFields.Contains(name) && value is JsonValue id && id.TryGetValue<string>(out var hex))
                    {
                        obj[name] = Convert.ToBase64String(Convert.FromHexString(hex));
                    }
                    else
                    {
                        RewriteIds(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RewriteIds(item);
                }
                break;
        }
    }
}
