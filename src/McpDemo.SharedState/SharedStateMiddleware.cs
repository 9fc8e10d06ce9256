using McpDemo.Guards;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// The store's part of each MCP request, placed after the guards (<c>app.UseSharedState()</c>), so nothing reaches the
/// store before Host/Origin, authentication and the SDK's session lookup have passed the request. It acts only once the
/// SDK has answered with success, from the response's <c>OnStarting</c>:
/// <list type="bullet">
/// <item>a legacy session's record is kept alive while the session is used (<see cref="StoreSessionMigrationHandler.Touch"/>);</item>
/// <item>a legacy session's GET stream follows the session's relay topic, so notifications published on other replicas
/// reach it (<see cref="LegacySessionStreams"/>).</item>
/// </list>
/// It is also the one place shared-state failures are answered, with <see cref="JsonRpcRefusal"/>: a session of another
/// user gets 403, as the SDK answers for a session it holds itself; the store away gets 424 Failed Dependency with
/// <c>Retry-After</c>, which a client can retry, rather than a 500 or a hang. And a stream resumed from the store ends
/// once silent for <see cref="SharedStateOptions.ResumedStreamIdleTimeout"/> (<see cref="ResumedStreamIdleLimit"/>).
/// </summary>
public sealed partial class SharedStateMiddleware(
    RequestDelegate next, INotificationRelay relay, IOptions<SharedStateOptions> options, ILogger<SharedStateMiddleware> logger,
    StoreSessionMigrationHandler? sessions = null)
{
    /// <summary>Seconds a client is asked to wait before retrying while the store is away.</summary>
    public const int RetryAfterSeconds = 2;

    private const string SessionIdHeader = "Mcp-Session-Id";

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers[SessionIdHeader] is [{ Length: > 0 } sessionId])
        {
            // A delegate per session request, none for 2026-07-28 requests, which carry no session id.
            context.Response.OnStarting(() => OnSessionAnsweredAsync(context, sessionId));
        }
        try
        {
            if (sessions is not null && ResumedStreamIdleLimit.Applies(context.Request))
            {
                await ResumedStreamIdleLimit.RunAsync(context, next, options.Value.ResumedStreamIdleTimeout);
            }
            else
            {
                await next(context);
            }
        }
        catch (Exception e) when (!context.Response.HasStarted && IsSharedStateFailure(e))
        {
            await RefuseAsync(context, e);
        }
    }

    private async Task OnSessionAnsweredAsync(HttpContext context, string sessionId)
    {
        var response = context.Response;
        if (response.StatusCode is < 200 or >= 300)
        {
            return;
        }
        sessions?.Touch(sessionId);
        // The SDK has found (or adopted) the session and is opening its GET stream; a resumed stream replays the store.
        if (HttpMethods.IsGet(context.Request.Method)
            && !context.Request.Headers.ContainsKey("Last-Event-ID")
            && context.Features.Get<McpServer>() is { } session)
        {
            try
            {
                var subscription = await relay.SubscribeAsync(LegacySessionStreams.Topic(sessionId),
                    (notification, ct) => LegacySessionStreams.DeliverAsync(session, notification, ct), context.RequestAborted);
                response.RegisterForDisposeAsync(subscription);
            }
            catch (SharedStateUnavailableException e)
            {
                // Too late to refuse: the stream still carries what this replica sends, only other replicas' notifications are lost.
                LogStreamNotRelayed(e, sessionId);
            }
        }
    }

    private static bool IsSharedStateFailure(Exception e) =>
        e is SessionOwnerMismatchException or SharedStateUnavailableException or RedisException or RedisTimeoutException;

    private static Task RefuseAsync(HttpContext context, Exception e)
    {
        // Whatever the SDK had set for an answer it did not send (a session id header, say) does not belong to this one.
        context.Response.Clear();
        if (e is SessionOwnerMismatchException)
        {
            return JsonRpcRefusal.WriteAsync(context, StatusCodes.Status403Forbidden,
                "Forbidden: The currently authenticated user does not match the user who initiated the session.");
        }
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return JsonRpcRefusal.WriteAsync(context, StatusCodes.Status424FailedDependency,
            "The shared state store is unavailable, so this legacy-session request cannot be served now. Retry shortly; " +
            "clients of protocol 2026-07-28 and later are not affected.");
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The shared state store is unavailable: the GET stream of session {SessionId} gets no notifications from other replicas.")]
    private partial void LogStreamNotRelayed(Exception exception, string sessionId);
}
