namespace McpDemo.Gateway;

/// <summary>
/// The idle timeout of streams (<c>Gateway:Timeouts</c>). Other exchanges idle out after the cluster's
/// <c>ReverseProxy:Clusters:server:HttpRequest:ActivityTimeout</c>; a stream legitimately stays quiet far longer.
/// </summary>
public sealed class StreamTimeoutOptions
{
    /// <summary>
    /// Idle timeout of GET streams (the legacy standalone SSE stream and its resumptions) and of 2026-07-28
    /// <c>subscriptions/listen</c> POSTs, which stay quiet until the server has something to say. Default: none; the
    /// stream lives as long as client and replica do.
    /// </summary>
    public TimeSpan? Stream { get; set; }
}
