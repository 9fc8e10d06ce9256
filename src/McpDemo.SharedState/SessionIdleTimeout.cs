using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;

namespace McpDemo.SharedState;

/// <summary>
/// The legacy-session idle timeout the MCP transport is configured with. Everything stored for a session lives
/// exactly this long after its last use, so the store forgets a session when the replicas would.
/// </summary>
public sealed class SessionIdleTimeout(IOptions<HttpServerTransportOptions> transportOptions)
{
#pragma warning disable MCP9006 // The idle timeout belongs to the legacy session support this library exists for.
    /// <summary>How long a legacy session may sit unused before it is forgotten.</summary>
    public TimeSpan Value => transportOptions.Value.IdleTimeout;
#pragma warning restore MCP9006
}
