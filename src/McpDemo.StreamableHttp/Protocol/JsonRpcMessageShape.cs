using System.Text.Json;

namespace McpDemo.StreamableHttp.Protocol;

/// <summary>Tells JSON-RPC messages apart by their members, without deserializing them.</summary>
internal static class JsonRpcMessageShape
{
    /// <summary>True when <paramref name="json"/> is an object with <c>result</c> or <c>error</c> and no <c>method</c>: a response.</summary>
    public static bool IsResponse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var response = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("method"u8))
                {
                    return false;
                }
                response |= reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8);
                reader.Skip();
            }
            return response;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
