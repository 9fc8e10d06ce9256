using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace McpDemo.Gateway;

/// <summary>
/// Which replica holds each MCP session: a bounded, idle-expiring map from <c>Mcp-Session-Id</c> to destination id.
/// It lives in this gateway process only; another gateway instance (or a restarted one) does not know these pins.
/// </summary>
internal sealed class McpSessionPins : IDisposable
{
    private readonly MemoryCache _pins;
    private readonly SessionAffinityOptions _options;

    /// <summary>Creates an empty map sized by <see cref="GatewayOptions.Sessions"/>.</summary>
    public McpSessionPins(IOptions<GatewayOptions> options)
    {
        _options = options.Value.Sessions;
        _pins = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.MaxSessions });
    }

    /// <summary>The replica the session is pinned to, if any; a hit keeps the pin alive.</summary>
    public bool TryGetDestination(string sessionId, out string? destinationId) => _pins.TryGetValue(sessionId, out destinationId);

    /// <summary>Pins the session to a replica, replacing any earlier pin.</summary>
    public void Pin(string sessionId, string destinationId)
    {
        if (_pins.Count >= _options.MaxSessions)
        {
            // A full cache silently refuses new entries; make room by dropping the least recently used pins
            // (5%, at least one).
            _pins.Compact(Math.Max(0.05, 1.0 / _options.MaxSessions));
        }
        _pins.Set(sessionId, destinationId, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _options.IdleTimeout });
    }

    /// <summary>Forgets the session, e.g. after it was deleted or its replica no longer knows it.</summary>
    public void Forget(string sessionId) => _pins.Remove(sessionId);

    /// <inheritdoc/>
    public void Dispose() => _pins.Dispose();
}
