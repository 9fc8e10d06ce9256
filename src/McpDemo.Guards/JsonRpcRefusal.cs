using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpDemo.Guards;

/// <summary>
/// Writes an HTTP refusal whose body is a JSON-RPC error, so a client that only understands JSON-RPC still
/// learns why the request was refused. The id is null: a refusal comes before anyone reads the message.
/// </summary>
public static class JsonRpcRefusal
{
    /// <summary>The implementation-defined server error the SDK also uses for transport-level refusals.</summary>
    public const int TransportErrorCode = -32000;

    /// <summary>
    /// Writes <paramref name="statusCode"/> with a JSON-RPC error whose code follows from the status; does nothing once
    /// the response has started.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message) =>
        WriteAsync(context, statusCode, CodeFor(statusCode), message);

    /// <summary>
    /// Writes <paramref name="statusCode"/> with the JSON-RPC error <paramref name="code"/>, for refusals the protocol
    /// names a code of its own (a header that contradicts the body is 400 with -32020, not -32600).
    /// </summary>
    public static Task WriteAsync(HttpContext context, int statusCode, int code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }
        response.StatusCode = statusCode;
        JsonRpcMessage error = new JsonRpcError
        {
            Id = default,
            Error = new JsonRpcErrorDetail { Code = code, Message = message },
        };
        return response.WriteAsJsonAsync(error, MessageContract, contentType: null, context.RequestAborted);
    }

    // The SDK's own contract for its messages: no reflection, so a NativeAOT server writes refusals too.
    private static readonly JsonTypeInfo<JsonRpcMessage> MessageContract =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    /// <summary>A short reason for a status that a part of ASP.NET Core set without a body.</summary>
    public static string ReasonFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "Bad Request: the message could not be read; check its params against the method's schema.",
        StatusCodes.Status401Unauthorized => "Unauthorized: send a credential as 'Authorization: Bearer <key or token>'.",
        StatusCodes.Status403Forbidden => "Forbidden: this credential may not use this resource.",
        StatusCodes.Status404NotFound => "Not Found: the MCP endpoint has no such resource.",
        StatusCodes.Status405MethodNotAllowed => "Method Not Allowed: the MCP endpoint takes POST (and GET/DELETE only in a legacy session).",
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large: the request body exceeds the server's limit.",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type: send the JSON-RPC message as Content-Type: application/json.",
        _ => $"The request was refused with HTTP {statusCode}.",
    };

    private static int CodeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => (int)McpErrorCode.InvalidRequest,
        >= 500 => (int)McpErrorCode.InternalError,
        _ => TransportErrorCode,
    };
}
