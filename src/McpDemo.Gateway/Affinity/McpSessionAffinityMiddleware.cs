using McpDemo.Gateway.Mcp;
using McpDemo.Guards;

namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Proxy-pipeline step that routes a request by the session it names. It unwraps the client's <c>Mcp-Session-Id</c>
/// (<see cref="ISessionIdProtector"/>), forwards the replica's own id, and narrows the candidates to the replica that
/// minted it. An id that does not unwrap (empty, repeated, malformed, tampered, forged, or wrapped under another key) is answered 404 with a
/// JSON-RPC error, as a replica answers an unknown session, so the client starts a new one. It runs before cookie
/// affinity, so the session wins over a cookie naming another replica. When the session's replica is not available
/// the request is load-balanced as usual; that replica answers 404 for the unknown session and the client re-initializes.
/// </summary>
internal sealed class McpSessionAffinityMiddleware(RequestDelegate next, ISessionIdProtector protector)
{
    /// <summary>Unwraps the request's session id and narrows its candidate replicas to the session's replica.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        // A request retried on another replica (ConnectionFailoverMiddleware) comes through again, already unwrapped.
        var session = context.Features.Get<UnwrappedSession>();
        if (session is null)
        {
            if (!McpSessionHeader.IsPresent(context.Request, out var wrappedId))
            {
                return next(context);
            }
            if (wrappedId is null || !protector.TryUnprotect(wrappedId, out var destinationAddress, out var sessionId))
            {
                return JsonRpcRefusal.WriteAsync(context, StatusCodes.Status404NotFound, "Session not found.");
            }
            session = new UnwrappedSession(wrappedId, destinationAddress, sessionId);
            context.Request.Headers[McpSessionHeader.Name] = sessionId;
            context.Features.Set(session);
        }

        var proxy = context.GetReverseProxyFeature();
        foreach (var destination in proxy.AvailableDestinations)
        {
            if (destination.Model.Config.Address == session.Destination)
            {
                proxy.AvailableDestinations = destination;
                break;
            }
        }
        return next(context);
    }
}
