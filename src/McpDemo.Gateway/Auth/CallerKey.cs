namespace McpDemo.Gateway.Auth;

/// <summary>Who a request counts against for per-client limits: the one place that decides it, for any limiter.</summary>
internal static class CallerKey
{
    /// <summary>
    /// The validated token's client (<c>client_id</c>, else <c>sub</c>) when the gateway validated one: one client keeps one
    /// limit across addresses and tokens. Else the bearer credential as sent (an API key the replicas check), so clients
    /// behind one NAT keep separate limits and one key cannot escape its limit by changing address. Else the address.
    /// Each kind has its own prefix, so a client whose id reads like an address or a key never shares that caller's limit.
    /// Credentials stay in memory as partition keys and are never logged.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (user.FindFirst("client_id") is { } client)
            {
                return "client:" + client.Value;
            }
            if (user.FindFirst("sub") is { } subject)
            {
                return "subject:" + subject.Value;
            }
        }
        return context.Request.Headers.Authorization is [{ } authorization] &&
            authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
                ? "credential:" + authorization
                : "address:" + context.Connection.RemoteIpAddress;
    }
}
