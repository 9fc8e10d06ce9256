using Microsoft.AspNetCore.Http;

namespace McpDemo.SharedState;

/// <summary>
/// The outermost middleware of a server with a store: keeps each session's store record alive while the session is
/// used (touched when its request is answered with success), and answers shared-state failures (<see cref="SharedStateExceptionHandler"/>) that no exception handler
/// middleware further in has answered, so an app without one still gets a 4xx instead of a 500.
/// </summary>
public sealed class SharedStateErrorMiddleware(RequestDelegate next, StoreSessionMigrationHandler sessions, SharedStateExceptionHandler errors)
{
    private const string SessionIdHeader = "Mcp-Session-Id";

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers[SessionIdHeader] is [{ Length: > 0 } sessionId])
        {
            // Only a session the SDK served (a 2xx answer) is touched: made-up ids cost no memory and no store command.
            context.Response.OnStarting(static state =>
            {
                var (response, sessions, id) = ((HttpResponse, StoreSessionMigrationHandler, string))state;
                if (response.StatusCode is >= 200 and < 300)
                {
                    sessions.Touch(id);
                }
                return Task.CompletedTask;
            }, (context.Response, sessions, sessionId));
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            if (!await errors.TryHandleAsync(context, e, context.RequestAborted))
            {
                throw;
            }
        }
    }
}
