using System.Buffers.Text;
using System.Text;

namespace McpDemo.Gateway.Mcp;

/// <summary>
/// The MCP request headers a 2026-07-28 client sends on every POST so that intermediaries can route and meter
/// without reading the body: <c>MCP-Protocol-Version</c>, <c>Mcp-Method</c> and, for the methods that target
/// something by name, <c>Mcp-Name</c>.
/// </summary>
internal static class McpRequestHeaders
{
    /// <summary>The protocol version the request speaks.</summary>
    public const string ProtocolVersion = "MCP-Protocol-Version";

    /// <summary>The JSON-RPC method of the request body.</summary>
    public const string Method = "Mcp-Method";

    /// <summary>The tool, resource URI or prompt the request targets.</summary>
    public const string Name = "Mcp-Name";

    /// <summary>The first revision that requires <see cref="Method"/> and <see cref="Name"/> (SEP-2243).</summary>
    public const string FirstRevisionRequiringThem = "2026-07-28";

    // Values that are not plain visible ASCII travel base64-encoded in this envelope (SEP-2243).
    private const string Base64Prefix = "=?base64?";
    private const string Base64Suffix = "?=";

    /// <summary>
    /// Whether <paramref name="protocolVersion"/> is 2026-07-28 or later. Versions are ISO-8601 dates, so an ordinal
    /// comparison orders them in time.
    /// </summary>
    public static bool RequiresThem(string? protocolVersion) =>
        protocolVersion is { Length: 10 } && string.CompareOrdinal(protocolVersion, FirstRevisionRequiringThem) >= 0;

    /// <summary>Whether requests for <paramref name="method"/> must carry <see cref="Name"/>.</summary>
    public static bool MethodTakesName(string method) => method is "tools/call" or "resources/read" or "prompts/get";

    /// <summary>The single non-empty value of <paramref name="header"/>, if there is exactly one.</summary>
    public static string? Single(HttpRequest request, string header) =>
        request.Headers[header] is [{ Length: > 0 } value] ? value : null;

    /// <summary>
    /// The <see cref="Name"/> header's value, decoded from its base64 envelope when it has one; <see langword="false"/>
    /// when the envelope does not hold base64 UTF-8.
    /// </summary>
    public static bool TryDecodeName(string raw, out string name)
    {
        name = raw;
        if (!raw.StartsWith(Base64Prefix, StringComparison.Ordinal) || !raw.EndsWith(Base64Suffix, StringComparison.Ordinal) ||
            raw.Length < Base64Prefix.Length + Base64Suffix.Length)
        {
            return true;
        }
        var encoded = raw.AsSpan(Base64Prefix.Length, raw.Length - Base64Prefix.Length - Base64Suffix.Length);
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return false;
        }
        try
        {
            name = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
