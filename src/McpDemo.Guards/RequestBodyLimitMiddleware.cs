using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace McpDemo.Guards;

/// <summary>
/// Lowers the request body limit from Kestrel's 30 MB to <see cref="McpEndpointOptions.MaxRequestBodySize"/>.
/// A declared length over the limit is refused (413) before any of the body is read; a chunked body that grows
/// past it makes Kestrel throw while the SDK reads it, which the exception handler of <c>UseMcpGuards</c> turns into 413.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<McpEndpointOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodySize;

    /// <summary>Applies the limit and passes the request on, or answers 413 with a JSON-RPC error.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > _limit)
        {
            return JsonRpcRefusal.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"Payload Too Large: the request body is {context.Request.ContentLength} bytes; the limit is {_limit} (Mcp:MaxRequestBodySize).");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }
        return next(context);
    }
}
