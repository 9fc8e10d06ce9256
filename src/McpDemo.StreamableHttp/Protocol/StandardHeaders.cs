using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;

namespace McpDemo.StreamableHttp.Protocol;

/// <summary>
/// From the 2026-07-28 revision, requests mirror their method (<c>Mcp-Method</c>) and target name
/// (<c>Mcp-Name</c>) in headers. Proxies and gateways route and authorize on those headers while the server
/// executes the body, so a request whose headers and body disagree means two things and is refused.
/// </summary>
internal static class StandardHeaders
{
    public const string Method = "Mcp-Method";
    public const string Name = "Mcp-Name";

    private const string Base64Prefix = "=?base64?";
    private const string Base64Suffix = "?=";
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns why the headers disagree with <paramref name="message"/>, or null when they agree.</summary>
    public static string? GetMismatch(HttpRequest request, JsonRpcMessage message)
    {
        var (method, parameters) = message switch
        {
            JsonRpcRequest r => (r.Method, r.Params),
            JsonRpcNotification n => (n.Method, n.Params),
            _ => (null, null),
        };

        // Responses carry no method, so there is nothing to mirror.
        if (method is null)
        {
            return null;
        }

        if (GetMismatch(request, Method, method) is { } methodMismatch)
        {
            return methodMismatch;
        }

        var name = method switch
        {
            RequestMethods.ToolsCall or RequestMethods.PromptsGet => StringProperty(parameters, "name"),
            RequestMethods.ResourcesRead => StringProperty(parameters, "uri"),
            _ => null,
        };
        return name is null ? null : GetMismatch(request, Name, name);
    }

    private static string? GetMismatch(HttpRequest request, string header, string bodyValue)
    {
        var values = request.Headers[header];
        if (values.Count == 0)
        {
            return $"Header mismatch: the {header} header is required by protocol revision {McpProtocolVersions.SessionlessRevision}.";
        }

        return values.Count == 1 && TryDecode(values.ToString(), out var decoded) && decoded == bodyValue
            ? null
            : $"Header mismatch: the {header} header does not match the request body.";
    }

    /// <summary>Values that are not plain ASCII travel as <c>=?base64?…?=</c> (UTF-8 inside).</summary>
    private static bool TryDecode(string value, out string decoded)
    {
        decoded = value;
        if (!value.StartsWith(Base64Prefix, StringComparison.Ordinal) || !value.EndsWith(Base64Suffix, StringComparison.Ordinal)
            || value.Length < Base64Prefix.Length + Base64Suffix.Length)
        {
            return true;
        }

        try
        {
            decoded = s_strictUtf8.GetString(Convert.FromBase64String(value[Base64Prefix.Length..^Base64Suffix.Length]));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }

    private static string? StringProperty(JsonNode? parameters, string property) =>
        parameters is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
