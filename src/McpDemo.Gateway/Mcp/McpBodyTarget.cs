using System.Text.Json;

namespace McpDemo.Gateway.Mcp;

/// <summary>
/// Reads what a JSON-RPC request body says it is: its <c>method</c>, and the <c>params.name</c> (tools, prompts) or
/// <c>params.uri</c> (resources) it targets. A forward-only scan that stops once it has both, without building a
/// document.
/// </summary>
internal static class McpBodyTarget
{
    /// <summary>The method and target of <paramref name="body"/>; <see langword="false"/> when it is not a JSON-RPC request object.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out string? method, out string? name)
    {
        method = null;
        name = null;
        string? uri = null;
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("method"u8) && reader.Read())
                {
                    method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("params"u8) && reader.Read())
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isName = reader.ValueTextEquals("name"u8);
                        var isUri = !isName && reader.ValueTextEquals("uri"u8);
                        reader.Read();
                        if ((isName || isUri) && reader.TokenType == JsonTokenType.String)
                        {
                            if (isName) { name = reader.GetString(); } else { uri = reader.GetString(); }
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        if (method == "resources/read")
        {
            name = uri;
        }
        return method is not null;
    }
}
