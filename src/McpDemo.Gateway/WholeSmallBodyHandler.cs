namespace McpDemo.Gateway;

/// <summary>
/// Sends a small request body in the same write as the request headers. YARP streams every body and flushes the
/// headers ahead of it, which suits an upload or a gRPC stream, but costs an MCP POST (a few hundred bytes whose
/// length is known up front) a second packet to send and a second read on the replica.
/// </summary>
internal sealed class WholeSmallBodyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } streamed && SmallRequestBody.Fits(streamed.Headers.ContentLength))
        {
            var whole = new ByteArrayContent(await streamed.ReadAsByteArrayAsync(cancellationToken));
            foreach (var header in streamed.Headers)
            {
                whole.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            request.Content = whole;
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
