using McpDemo.Gateway.Mcp;
using Yarp.ReverseProxy.Transforms;

namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Response transform that wraps the <c>Mcp-Session-Id</c> a replica sends (above all on the initialize response
/// that mints it) with that replica's address before the client sees it. A response for a session the request
/// already named gets the client's own wrapped id back, so the id a client holds never changes under it: also when
/// another replica answered, having adopted the session from the shared store because its own was gone. Later requests
/// then still name the first replica; while it is away they are load-balanced and adopted again, and once it is back
/// they return to it.
/// </summary>
internal sealed class McpSessionIdWrapTransform(ISessionIdProtector protector) : ResponseTransform
{
    /// <inheritdoc/>
    public override ValueTask ApplyAsync(ResponseTransformContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        if (headers[McpSessionHeader.Name] is not [{ Length: > 0 } sessionId] ||
            context.HttpContext.GetReverseProxyFeature().ProxiedDestination is not { } destination)
        {
            return ValueTask.CompletedTask;
        }
        headers[McpSessionHeader.Name] =
            context.HttpContext.Features.Get<UnwrappedSession>() is { } named && named.SessionId == sessionId
                ? named.WrappedId
                : protector.Protect(destination.Model.Config.Address, sessionId);
        return ValueTask.CompletedTask;
    }
}
