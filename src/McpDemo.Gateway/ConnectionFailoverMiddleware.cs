using Yarp.ReverseProxy.Forwarder;

namespace McpDemo.Gateway;

/// <summary>
/// Proxy-pipeline step that sends a request to another replica when its replica could not be connected to.
/// Such a request never reached a replica, so retrying it is safe whatever it is (initialize, a tool call,
/// DELETE); failures after the connection existed are not retried, as the replica may have acted on them.
/// This bridges the seconds until health checks take a dead replica out.
/// </summary>
internal sealed class ConnectionFailoverMiddleware(RequestDelegate next)
{
    /// <summary>Forwards the request, trying the remaining available replicas after connection failures.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        var replayableBody = SmallRequestBody.Fits(context.Request.ContentLength);
        if (replayableBody)
        {
            // Sent whole, a small body is read before the connection is made, so a retry must be able to read it again.
            context.Request.EnableBuffering(SmallRequestBody.MaxLength);
        }

        while (true)
        {
            await next(context);

            var failed = proxy.ProxiedDestination;
            if (failed is null || context.Response.HasStarted || !ConnectionFailure.Occurred(context))
            {
                return;
            }
            candidates = candidates.Where(destination => destination != failed).ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            // Undo the failed attempt's 502 so the next one starts clean.
            context.Response.Clear();
            context.Features.Set<IForwarderErrorFeature>(null);
            proxy.ProxiedDestination = null;
            proxy.AvailableDestinations = candidates;
            if (replayableBody)
            {
                context.Request.Body.Position = 0;
            }
        }
    }
}
