using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// The one connection of this process to the store (Aspire's <c>AddRedisClient</c> multiplexer), shared by the session
/// records, the event streams, the Data Protection key ring and pub/sub, and what it says about outages: once per
/// outage, a warning; once back, an information. It never blocks start-up and never gives up: while the store is away,
/// commands fail at once (no queueing, so no request hangs), and StackExchange.Redis reconnects in the background.
/// </summary>
public sealed partial class StoreConnection
{
    private readonly ILogger<StoreConnection> _logger;
    private readonly object _gate = new();
    private bool _reportedUnavailable;

    /// <summary>Watches <paramref name="multiplexer"/>, the store's client that <c>AddRedisClient</c> registered.</summary>
    public StoreConnection(IConnectionMultiplexer multiplexer, ILogger<StoreConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        _logger = logger;
        Multiplexer = multiplexer;
        Multiplexer.ConnectionFailed += (_, e) => ReportUnavailable(e.Exception);
        Multiplexer.ConnectionRestored += (_, _) => ReportAvailable();
        if (!Multiplexer.IsConnected)
        {
            ReportUnavailable(null);
        }
    }

    /// <summary>The multiplexer; its commands throw <see cref="RedisConnectionException"/> while the store is away.</summary>
    public IConnectionMultiplexer Multiplexer { get; }

    /// <summary>Whether the store can be reached now.</summary>
    public bool IsConnected => Multiplexer.IsConnected;

    // Once per outage, not once per failed command or reconnect attempt: an outage must not flood the logs.
    private void ReportUnavailable(Exception? exception)
    {
        lock (_gate)
        {
            if (_reportedUnavailable)
            {
                return;
            }
            _reportedUnavailable = true;
        }
        LogUnavailable(exception);
    }

    private void ReportAvailable()
    {
        lock (_gate)
        {
            if (!_reportedUnavailable || !Multiplexer.IsConnected)
            {
                return;
            }
            _reportedUnavailable = false;
        }
        LogAvailable();
    }

    // The endpoint is not logged: a connection string may carry a password, and the failure says enough.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The shared state store is unreachable. Stateless requests still work; legacy sessions cannot start or move between replicas until it is back. Retrying in the background.")]
    private partial void LogUnavailable(Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared state store is reachable again.")]
    private partial void LogAvailable();
}
