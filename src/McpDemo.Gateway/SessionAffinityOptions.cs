namespace McpDemo.Gateway;

/// <summary>
/// Header stickiness: the gateway remembers which replica minted each <c>Mcp-Session-Id</c> and routes
/// later requests carrying that header to it, so clients without a cookie jar stay on their replica too.
/// </summary>
public sealed class SessionAffinityOptions
{
    /// <summary>Whether header stickiness is on. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The most sessions remembered at once; past it the least recently used are forgotten (their clients
    /// get a 404 from another replica and re-initialize). Default 100,000.
    /// </summary>
    public int MaxSessions { get; set; } = 100_000;

    /// <summary>How long a session is remembered after its last request. Default two hours.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);
}
