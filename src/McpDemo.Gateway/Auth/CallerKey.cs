namespace McpDemo.Gateway.Auth;

/// <summary>Who a request counts against for per-client limits: the one place that decides it, for any limiter.</summary>
internal static class CallerKey
{
    /// <summary>
    /// The validated token's client (<c>client_id</c>, else <c>sub</c>) when the gateway validated one: one client keeps one
    /// limit across addresses and tokens. Else the bearer credential as sent (an API key the replicas check), so clients
    /// behind one NAT keep separate limits and one key cannot escape its limit by changing address. Else the address.
    /// Credentials stay in memory as partition keys and are never logged.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && (user.FindFirst("client_id") ?? user.FindFirst("sub")) is { } client)
        {
            return client.Value;
        }
        return context.Request.Headers.Authorization is [{ } authorization] &&
            authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
                ? authorization
                : context.Connection.RemoteIpAddress?.ToString() ?? "";
    }
}
