using Microsoft.AspNetCore.Http;

namespace McpDemo.SharedState;

/// <summary>
/// Ends a stream resumed with <c>Last-Event-ID</c> once nothing has been written to it for
/// <see cref="SharedStateOptions.ResumedStreamIdleTimeout"/>. A stream resumed on another replica is read from the store,
/// and the SDK waits there for the writer's next event; when the writer died mid-answer that event never comes, and the
/// client would hang until its own timeout. The request is cancelled (the SDK stops reading), and the response ends
/// cleanly, so the client sees a closed stream and resumes or retries.
/// </summary>
internal static class ResumedStreamIdleLimit
{
    /// <summary>Whether <paramref name="request"/> resumes a stream.</summary>
    public static bool Applies(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.ContainsKey("Last-Event-ID");

    /// <summary>Runs <paramref name="next"/>, ending the response once it has been silent for <paramref name="idleTimeout"/>.</summary>
    public static async Task RunAsync(HttpContext context, RequestDelegate next, TimeSpan idleTimeout)
    {
        using var idle = new CancellationTokenSource(idleTimeout);
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, idle.Token);
        var clientAborted = context.RequestAborted;
        var body = context.Response.Body;
        context.Response.Body = new WriteWatchingStream(body, () => idle.CancelAfter(idleTimeout));
        context.RequestAborted = cancelled.Token;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !clientAborted.IsCancellationRequested)
        {
            // Silent too long: end the stream as if the SDK had finished it.
        }
        finally
        {
            context.Response.Body = body;
            context.RequestAborted = clientAborted;
        }
    }

    /// <summary>The response body, calling back on every write so the idle timer starts over.</summary>
    private sealed class WriteWatchingStream(Stream inner, Action written) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            written();
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            written();
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
