using Yarp.ReverseProxy.Transforms;

namespace McpDemo.Gateway;

/// <summary>
/// Response transform that sends the headers of an SSE response to the client at once. YARP otherwise starts
/// the client response with the first body bytes, so a GET stream on which the server has nothing to say yet
/// would leave the client without even its 200, unable to tell an open stream from a hung gateway.
/// </summary>
/// <remarks>Registered after the other response transforms (the affinity cookie included), which must run before headers go out.</remarks>
internal sealed class EventStreamHeadersTransform : ResponseTransform
{
    /// <inheritdoc/>
    public override async ValueTask ApplyAsync(ResponseTransformContext context)
    {
        if (context.ProxyResponse is { IsSuccessStatusCode: true, Content.Headers.ContentType.MediaType: "text/event-stream" })
        {
            await context.HttpContext.Response.Body.FlushAsync(context.CancellationToken);
        }
    }
}
