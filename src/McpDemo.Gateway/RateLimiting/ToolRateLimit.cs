namespace McpDemo.Gateway.RateLimiting;

/// <summary>
/// One tool's limit: each client may start <see cref="PermitLimit"/> calls of it per <see cref="Window"/>
/// (a fixed window, as most API gateways count).
/// </summary>
public sealed class ToolRateLimit
{
    /// <summary>Calls allowed per window and client. Must be at least 1.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
