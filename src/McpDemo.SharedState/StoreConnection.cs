using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// The one connection of this process to the store, shared by the session records, the distributed cache, the Data
/// Protection key ring and pub/sub. It never blocks start-up and never gives up: while the store is away, commands
/// fail at once (no queueing, so no request hangs), and StackExchange.Redis reconnects in the background.
/// </summary>
public sealed partial class StoreConnection : IDisposable
{
    private readonly ILogger<StoreConnection> _logger;
    private readonly object _gate = new();
    private bool _reportedUnavailable;

    /// <summary>Connects to the store named by <see cref="SharedStateOptions.ConnectionString"/>.</summary>
    public StoreConnection(IOptions<SharedStateOptions> options, ILogger<StoreConnection> logger)
    {
        _logger = logger;
        var configuration = ConfigurationOptions.Parse(options.Value.ConnectionString!);
        // Start even when the store is down and keep retrying; fail commands fast instead of queueing them until a
        // timeout, so a request that needs the store gets its error now rather than after seconds.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        Multiplexer = ConnectionMultiplexer.Connect(configuration);
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

    /// <inheritdoc />
    public void Dispose() => Multiplexer.Dispose();

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
