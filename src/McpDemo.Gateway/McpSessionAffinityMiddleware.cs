namespace McpDemo.Gateway;

/// <summary>
/// Proxy-pipeline step that sends a request carrying a known <c>Mcp-Session-Id</c> to the replica holding that
/// session. It runs before cookie affinity, so the session wins over a cookie that names another replica. When the
/// pinned replica is not available the request is load-balanced as usual; that replica answers 404 for the
/// unknown session and the client re-initializes.
/// </summary>
internal sealed class McpSessionAffinityMiddleware(RequestDelegate next, McpSessionPins pins)
{
    /// <summary>Narrows the request's candidate replicas to its session's replica when that one is available.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (McpSessionHeader.Of(context.Request) is { } sessionId && pins.TryGetDestination(sessionId, out var destinationId))
        {
            var proxy = context.GetReverseProxyFeature();
            foreach (var destination in proxy.AvailableDestinations)
            {
                if (destination.DestinationId == destinationId)
                {
                    proxy.AvailableDestinations = destination;
                    break;
                }
            }
        }
        return next(context);
    }
}
