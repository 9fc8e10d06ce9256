using System.Net;
using Yarp.ReverseProxy.Transforms;

namespace McpDemo.Gateway;

/// <summary>
/// Response transform that learns session pins from replica responses before they reach the client: a response
/// carrying <c>Mcp-Session-Id</c> (above all the initialize response that mints it) pins that session to the replica
/// that sent it; a 404 for a request's session, or a successful DELETE of it, forgets the pin.
/// </summary>
internal sealed class McpSessionPinTransform(McpSessionPins pins) : ResponseTransform
{
    /// <inheritdoc/>
    public override ValueTask ApplyAsync(ResponseTransformContext context)
    {
        var destination = context.HttpContext.GetReverseProxyFeature().ProxiedDestination;
        if (context.ProxyResponse is not { } response || destination is null)
        {
            return ValueTask.CompletedTask;
        }

        var requestSessionId = McpSessionHeader.Of(context.HttpContext.Request);
        if (requestSessionId is not null &&
            (response.StatusCode == HttpStatusCode.NotFound ||
             (HttpMethods.IsDelete(context.HttpContext.Request.Method) && response.IsSuccessStatusCode)))
        {
            pins.Forget(requestSessionId);
        }
        else if (response.IsSuccessStatusCode &&
                 response.Headers.TryGetValues(McpSessionHeader.Name, out var values) &&
                 values.ToArray() is [{ Length: > 0 } sessionId] &&
                 (!pins.TryGetDestination(sessionId, out var pinned) || pinned != destination.DestinationId))
        {
            pins.Pin(sessionId, destination.DestinationId);
        }
        return ValueTask.CompletedTask;
    }
}
