using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// Answers the failures of shared state with JSON-RPC errors and a 4xx status, shaped like the MCP SDK's own transport
/// errors, wherever the app handles exceptions (ASP.NET Core's exception handler middleware asks every
/// <see cref="IExceptionHandler"/> first; <see cref="SharedStateErrorMiddleware"/> asks this one when nothing else does):
/// <list type="bullet">
/// <item>a session of another user: 403, as the SDK answers for a session it holds itself;</item>
/// <item>the store unreachable for a legacy-session operation that needs it: 424 Failed Dependency with
/// <c>Retry-After</c>, a clear error the client can retry rather than a 500 or a hang.</item>
/// </list>
/// Anything else is left to the next handler.
/// </summary>
public sealed class SharedStateExceptionHandler : IExceptionHandler
{
    /// <summary>The JSON-RPC error code of both answers; the SDK uses it for its own transport errors.</summary>
    public const int ErrorCode = -32000;

    /// <summary>Seconds a client is asked to wait before retrying while the store is away.</summary>
    public const int RetryAfterSeconds = 2;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Response.HasStarted)
        {
            return false;
        }
        switch (exception)
        {
            case SessionOwnerMismatchException:
                httpContext.Response.Clear();
                await WriteErrorAsync(httpContext, StatusCodes.Status403Forbidden,
                    "Forbidden: The currently authenticated user does not match the user who initiated the session.");
                return true;
            case SharedStateUnavailableException or RedisException or RedisTimeoutException:
                httpContext.Response.Clear();
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(httpContext, StatusCodes.Status424FailedDependency,
                    "The shared state store is unavailable, so this legacy-session request cannot be served now. Retry shortly; " +
                    "clients of protocol 2026-07-28 and later are not affected.");
                return true;
            default:
                return false;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        // The SDK's transport has read the body, so the request id is not known here; JSON-RPC's answer for that is
        // a null id, and the 4xx status makes clients fail the request at once instead of waiting for a reply.
        var error = new JsonRpcError { Id = default, Error = new JsonRpcErrorDetail { Code = ErrorCode, Message = message } };
        return Results.Json(error, ModelContextProtocol.McpJsonUtilities.DefaultOptions, statusCode: statusCode).ExecuteAsync(context);
    }
}
