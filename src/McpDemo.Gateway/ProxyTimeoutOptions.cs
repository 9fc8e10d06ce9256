namespace McpDemo.Gateway;

/// <summary>
/// Idle timeouts of proxied exchanges: the longest a request may go without any byte moving in either direction.
/// </summary>
public sealed class ProxyTimeoutOptions
{
    /// <summary>Idle timeout of POST and DELETE exchanges, including SSE responses to POSTs. Default 100 seconds.</summary>
    public TimeSpan Request { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Idle timeout of GET streams (the MCP standalone SSE stream and its resumptions), which legitimately stay
    /// quiet until the server has something to say. Default: none; the stream lives as long as client and replica do.
    /// </summary>
    public TimeSpan? Stream { get; set; }
}
