using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpDemo.StreamableHttp.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpDemo.StreamableHttp;

/// <summary>Turns an HTTP response into an unbuffered Server-Sent Events stream.</summary>
internal static class SseResponse
{
    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageTypeInfo =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    /// <summary>
    /// Sets the SSE headers and turns off every buffer on the way, so each event reaches the client when written:
    /// response buffering and compression here, and buffering in reverse proxies such as nginx (X-Accel-Buffering).
    /// </summary>
    public static void Start(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentType = MediaTypes.EventStream;
        headers.CacheControl = "no-cache,no-store";
        headers.ContentEncoding = "identity";
        headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    /// <summary>Writes stored events (a resumed stream) as SSE, flushing each one.</summary>
    public static Task WriteEventsAsync(HttpContext context, IAsyncEnumerable<SseItem<JsonRpcMessage?>> events, CancellationToken cancellationToken)
        => SseFormatter.WriteAsync(events, context.Response.Body, FormatMessage, cancellationToken);

    private static void FormatMessage(SseItem<JsonRpcMessage?> item, IBufferWriter<byte> destination)
    {
        // Priming events carry only an id (and a retry interval), no message.
        if (item.Data is null)
        {
            return;
        }

        using var writer = new Utf8JsonWriter(destination);
        JsonSerializer.Serialize(writer, item.Data, s_messageTypeInfo);
    }
}
