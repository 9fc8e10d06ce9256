using System.Text.Json;

namespace McpDemo.Gateway.Mcp;

/// <summary>
/// Answers that the gateway gives itself, in the shape MCP clients parse: a JSON-RPC error object with a null
/// <c>id</c> (the gateway does not read the request's id) and the HTTP status that goes with it.
/// </summary>
internal static class JsonRpcErrorResponse
{
    /// <summary>Required MCP headers are missing or disagree with the body (MCP's <c>HeaderMismatch</c>).</summary>
    public const int HeaderMismatch = -32020;

    /// <summary>The session id is unknown (the code the MCP SDKs use for a 404 session).</summary>
    public const int SessionNotFound = -32001;

    /// <summary>The JSON-RPC implementation-defined server error, used for rate limiting.</summary>
    public const int ServerError = -32000;

    /// <summary>Writes the error as the whole response, with <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext context, int status, int code, string message)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WriteNull("id");
            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        response.ContentLength = buffer.Length;
        return response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).AsTask();
    }
}
