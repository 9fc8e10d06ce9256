using System.Net.ServerSentEvents;
using McpDemo.StreamableHttp.Protocol;
using Microsoft.AspNetCore.Http;

namespace McpDemo.StreamableHttp;

/// <summary>
/// The body of a POST's answer, as the transport writes it. The transport always writes Server-Sent Events and, for
/// the older protocol revisions, flushes the headers before it has anything to say. This stream holds the headers back
/// and decides at the first event what actually goes out:
/// <list type="bullet">
/// <item>When that event is the request's own response, nothing follows it (a response ends the exchange), so with
/// <see cref="McpHttpOptions.PreferJsonResponses"/> the message is sent as an <c>application/json</c> body with a
/// Content-Length once the transport is done: headers and body in one write, no chunk framing, nothing a proxy must
/// keep unbuffered.</item>
/// <item>Anything else (a progress notification, a resumability priming event) starts an SSE stream, flushed as the
/// transport writes.</item>
/// </list>
/// Either way the headers leave with the first event rather than in a packet of their own, as Core itself does for
/// the 2026-07-28 revision.
/// </summary>
internal sealed class PostResponseBody(HttpContext context, bool preferJson) : Stream
{
    private readonly Stream _body = context.Response.Body;
    private bool _streaming;

    // A lone response, held until the transport is done: the SSE it was written as, and the JSON message inside.
    private byte[]? _heldEvent;
    private byte[]? _heldMessage;

    /// <summary>Sends a held response as JSON. Call it once the transport has written everything.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_heldMessage is { } message)
        {
            context.Response.ContentType = MediaTypes.Json;
            context.Response.ContentLength = message.Length;
            await _body.WriteAsync(message, cancellationToken);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_streaming)
        {
            if (_heldEvent is null && preferJson)
            {
                var written = buffer.ToArray();
                if (LoneResponse(written) is { } message)
                {
                    _heldEvent = written;
                    _heldMessage = message;
                    return;
                }
            }

            // A stream after all: start it with whatever was held back.
            SseResponse.Start(context);
            _streaming = true;
            if (_heldEvent is { } held)
            {
                _heldEvent = _heldMessage = null;
                await _body.WriteAsync(held, cancellationToken);
            }
        }
        await _body.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>The JSON-RPC response or error that <paramref name="sse"/> is exactly one event of, if it is.</summary>
    private static byte[]? LoneResponse(byte[] sse)
    {
        using var events = SseParser.Create(new MemoryStream(sse, writable: false), static (_, data) => data.ToArray()).Enumerate().GetEnumerator();
        if (!events.MoveNext() || events.Current is not { EventType: SseParser.EventTypeDefault, Data: var message } || events.MoveNext())
        {
            return null;
        }
        return JsonRpcMessageShape.IsResponse(message) ? message : null;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The response body is written asynchronously.");

    // Until the stream has started there is nothing to flush but headers, and those wait for the first event.
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _streaming ? _body.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
