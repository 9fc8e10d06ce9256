using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpDemo.SharedState;

/// <summary>
/// Reads and writes the store's record of a <see cref="StoredSession"/>:
/// <c>{"initialize":{...},"owner":{"type":...,"value":...,"issuer":...}}</c>, without reflection so a NativeAOT server
/// can. The <c>initialize</c> parameters go through the MCP SDK's own contract; a source-generated one would reach SDK
/// types marked obsolete, which the SDK's analyzer refuses in generated code (MCP9005).
/// </summary>
internal static class StoredSessionJson
{
    private static readonly JsonTypeInfo<InitializeRequestParams> InitializeContract =
        (JsonTypeInfo<InitializeRequestParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeRequestParams));

    public static byte[] Serialize(StoredSession session)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("initialize");
            JsonSerializer.Serialize(writer, session.InitializeParams, InitializeContract);
            if (session.Owner is { } owner)
            {
                writer.WriteStartObject("owner");
                writer.WriteString("type", owner.Type);
                writer.WriteString("value", owner.Value);
                writer.WriteString("issuer", owner.Issuer);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The session in <paramref name="record"/>, or <see langword="null"/> when it has no <c>initialize</c> parameters.</summary>
    public static StoredSession? Deserialize(byte[] record)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (!root.TryGetProperty("initialize", out var initialize) || initialize.Deserialize(InitializeContract) is not { } initializeParams)
        {
            return null;
        }
        var owner = root.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.Object
            ? new SessionOwner(o.GetProperty("type").GetString()!, o.GetProperty("value").GetString()!, o.GetProperty("issuer").GetString()!)
            : null;
        return new StoredSession(initializeParams, owner);
    }
}
