using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpDemo.StreamableHttp.Protocol;

/// <summary>
/// Reads one JSON-RPC message from a POST body, enforcing the size limit while reading (so chunked bodies are
/// bounded too) and telling a parse error (-32700) apart from a well-formed but invalid request (-32600).
/// </summary>
internal static class JsonRpcBodyReader
{
    /// <summary>Deeper documents are refused: this keeps hostile nesting from costing stack or time.</summary>
    private const int MaxDepth = 64;

    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageTypeInfo =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private static readonly JsonReaderOptions s_readerOptions = new() { MaxDepth = MaxDepth };

    public static async ValueTask<JsonRpcBodyReadResult> ReadAsync(HttpRequest request, long maxBodySize, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodySize)
        {
            return JsonRpcBodyReadResult.TooLarge(maxBodySize);
        }

        var bodyReader = request.BodyReader;
        while (true)
        {
            var read = await bodyReader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > maxBodySize)
            {
                bodyReader.AdvanceTo(buffer.End);
                return JsonRpcBodyReadResult.TooLarge(maxBodySize);
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                var result = Parse(buffer);
                bodyReader.AdvanceTo(buffer.End);
                return result;
            }

            // Nothing consumed, everything examined: wake up only when more bytes arrive.
            bodyReader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    internal static JsonRpcBodyReadResult Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            return JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.ParseError, "Parse error: the request body is empty.");
        }

        // The JSON reader checks structure, not the bytes inside strings it is not asked to decode.
        if (!IsValidUtf8(body))
        {
            return JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.ParseError, "Parse error: the body is not valid UTF-8.");
        }

        try
        {
            var reader = new Utf8JsonReader(body, s_readerOptions);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.InvalidRequest,
                    "Invalid Request: JSON-RPC batches are not supported by this protocol revision; send one message per POST.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.InvalidRequest, "Invalid Request: the body must be a JSON-RPC message object.");
            }

            var message = JsonSerializer.Deserialize(ref reader, s_messageTypeInfo);

            // Reading past the message throws on trailing garbage; a second value is just as invalid.
            if (reader.Read())
            {
                return JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.InvalidRequest, "Invalid Request: the body holds more than one JSON value.");
            }

            if (message is null || message.JsonRpc != "2.0")
            {
                return JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.InvalidRequest, "Invalid Request: the body is not a JSON-RPC 2.0 message.");
            }

            return JsonRpcBodyReadResult.Success(message);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            // The message converter reports invalid messages with several exception types; none of them may become a 500.
            return IsWellFormedJson(body)
                ? JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.InvalidRequest, "Invalid Request: the body is JSON but not a valid JSON-RPC message.")
                : JsonRpcBodyReadResult.Invalid(JsonRpcErrorCodes.ParseError, $"Parse error: the body is not valid UTF-8 JSON (at most {MaxDepth} levels deep).");
        }
    }

    private static bool IsValidUtf8(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return Utf8.IsValid(body.FirstSpan);
        }

        // Characters may straddle segments, so a multi-segment body is checked as one copy.
        var copy = ArrayPool<byte>.Shared.Rent(checked((int)body.Length));
        try
        {
            body.CopyTo(copy);
            return Utf8.IsValid(copy.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static bool IsWellFormedJson(ReadOnlySequence<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, s_readerOptions);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
