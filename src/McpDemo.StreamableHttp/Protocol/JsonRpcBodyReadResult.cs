using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;

namespace McpDemo.StreamableHttp.Protocol;

/// <summary>Either the JSON-RPC message of a POST body, or the HTTP status and JSON-RPC error that refuse it.</summary>
internal readonly struct JsonRpcBodyReadResult
{
    private JsonRpcBodyReadResult(JsonRpcMessage? message, int statusCode, int errorCode, string? errorMessage)
    {
        Message = message;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    public JsonRpcMessage? Message { get; }

    public int StatusCode { get; }

    public int ErrorCode { get; }

    public string? ErrorMessage { get; }

    public static JsonRpcBodyReadResult Success(JsonRpcMessage message) => new(message, StatusCodes.Status200OK, 0, null);

    public static JsonRpcBodyReadResult Invalid(int errorCode, string message) => Refused(StatusCodes.Status400BadRequest, errorCode, message);

    public static JsonRpcBodyReadResult Refused(int statusCode, int errorCode, string message) => new(null, statusCode, errorCode, message);

    public static JsonRpcBodyReadResult TooLarge(long limit) => new(null, StatusCodes.Status413PayloadTooLarge, JsonRpcErrorCodes.InvalidRequest,
        $"Payload Too Large: the request body exceeds {limit} bytes.");
}
