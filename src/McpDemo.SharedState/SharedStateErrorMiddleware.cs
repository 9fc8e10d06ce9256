using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// Turns the failures of shared state into JSON-RPC errors with a 4xx status, shaped like the MCP SDK's own transport
/// errors, and keeps each session's store record alive while the session is used:
/// <list type="bullet">
/// <item>a session of another user: 403, as the SDK answers for a session it holds itself;</item>
/// <item>the store unreachable for a legacy-session operation that needs it: 424 Failed Dependency with
/// <c>Retry-After</c>, a clear error the client can retry rather than a 500 or a hang.</item>
/// </list>
/// </summary>
public sealed class SharedStateErrorMiddleware(RequestDelegate next, StoreSessionMigrationHandler sessions)
{
    /// <summary>The JSON-RPC error code of both answers; the SDK uses it for its own transport errors.</summary>
    public const int ErrorCode = -32000;

    /// <summary>Seconds a client is asked to wait before retrying while the store is away.</summary>
    public const int RetryAfterSeconds = 2;

    private const string SessionIdHeader = "Mcp-Session-Id";

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers[SessionIdHeader] is [{ Length: > 0 } sessionId])
        {
            sessions.Touch(sessionId);
        }
        try
        {
            await next(context);
        }
        catch (SessionOwnerMismatchException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden,
                "Forbidden: The currently authenticated user does not match the user who initiated the session.");
        }
        catch (Exception e) when (!context.Response.HasStarted && IsStoreFailure(e))
        {
            context.Response.Clear();
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status424FailedDependency,
                "The shared state store is unavailable, so this legacy-session request cannot be served now. Retry shortly; " +
                "clients of protocol 2026-07-28 and later are not affected.");
        }
    }

    private static bool IsStoreFailure(Exception e) => e is SharedStateUnavailableException or RedisException or RedisTimeoutException;

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        // The SDK's transport has read the body, so the request id is not known here; JSON-RPC's answer for that is
        // a null id, and the 4xx status makes clients fail the request at once instead of waiting for a reply.
        var error = new JsonRpcError { Id = default, Error = new JsonRpcErrorDetail { Code = ErrorCode, Message = message } };
        return Results.Json(error, ModelContextProtocol.McpJsonUtilities.DefaultOptions, statusCode: statusCode).ExecuteAsync(context);
    }
}
