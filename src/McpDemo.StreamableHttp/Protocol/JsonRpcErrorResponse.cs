using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace McpDemo.StreamableHttp.Protocol;

/// <summary>
/// Writes an HTTP error whose body is a JSON-RPC error object, so clients that only understand JSON-RPC
/// still learn why the transport refused their message.
/// </summary>
internal static class JsonRpcErrorResponse
{
    public static async Task WriteAsync(HttpContext context, int statusCode, int errorCode, string message)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = statusCode;
        response.ContentType = "application/json";

        // The id is null: the transport could not (or would not) read one from the request.
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNull("id");
            writer.WriteStartObject("error");
            writer.WriteNumber("code", errorCode);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static Task BadRequestAsync(HttpContext context, string message, int errorCode = JsonRpcErrorCodes.TransportError)
        => WriteAsync(context, StatusCodes.Status400BadRequest, errorCode, message);
}
