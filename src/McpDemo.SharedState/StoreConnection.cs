using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace McpDemo.SharedState;

/// <summary>
/// The one connection of this process to the store (Aspire's <c>AddRedisClient</c> multiplexer), shared by the session
/// records, the event streams, the Data Protection key ring and pub/sub, and what it says about outages: once per
/// outage, a warning; once back, an information. It never blocks start-up and never gives up: it connects in the
/// background from the moment it is created, so the server is ready, and serves 2026-07-28 requests (which never touch
/// the store), without waiting for the handshake; only what needs the store waits for it, at its first use. While the
/// store is away, commands fail at once (no queueing, so no request hangs), and StackExchange.Redis reconnects in the
/// background, at least once a second (<see cref="ConfigureClient"/>).
/// </summary>
public sealed partial class StoreConnection
{
    /// <summary>
    /// Reconnect attempts from 100 ms apart, growing to 1 s apart while the store stays away. The client's default
    /// (half the 5 s connect timeout, growing to 10 s) left replicas on a store that was back for up to 3 s; a refused
    /// connection costs nothing, so there is no reason to wait longer than a second between attempts.
    /// </summary>
    private static readonly ExponentialRetry s_reconnectPolicy = new(deltaBackOffMilliseconds: 100, maxDeltaBackOffMilliseconds: 1000);

    private readonly ILogger<StoreConnection> _logger;
    private readonly object _gate = new();
    private readonly Task<IConnectionMultiplexer> _connecting;
    private bool _reportedUnavailable;

    /// <summary>
    /// Starts connecting: <paramref name="services"/> holds the store's client that <c>AddRedisClient</c> registered,
    /// which connects (round trips, and a TLS handshake on AWS) when it is first resolved.
    /// </summary>
    public StoreConnection(IServiceProvider services, ILogger<StoreConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        _logger = logger;
        // On a thread of its own: the client connects synchronously (up to its connect timeout while the store is away),
        // and a pool thread blocked that long starves the first requests on a small machine.
        _connecting = Task.Factory.StartNew(() => Watch(services.GetRequiredService<IConnectionMultiplexer>()),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// The multiplexer, once connected (the first caller while it connects waits for it); its commands throw
    /// <see cref="RedisConnectionException"/> while the store is away.
    /// </summary>
    public IConnectionMultiplexer Multiplexer => _connecting.GetAwaiter().GetResult();

    /// <summary>
    /// The store's keys that start with <paramref name="keyPrefix"/>, reached at first use, so what holds them can be made
    /// before the store has answered. The prefix is written before each key on the wire: no command builds a prefixed key.
    /// </summary>
    internal Lazy<IDatabase> KeysUnder(string keyPrefix) => new(() => Multiplexer.GetDatabase().WithKeyPrefix(keyPrefix));

    /// <summary>Whether the first connection attempt is still under way.</summary>
    public bool IsConnecting => !_connecting.IsCompleted;

    /// <summary>Whether the store can be reached now (false while connecting).</summary>
    public bool IsConnected => _connecting.IsCompletedSuccessfully && _connecting.Result.IsConnected;

    /// <summary>
    /// How the client behaves across an outage, on top of what the connection string says: it starts with the store
    /// down and keeps trying; a command fails at once rather than queue until a timeout, so a request that needs the
    /// store gets its 424 now; and it is connected again within about a second of the store's return (the client
    /// tries on its 1 s heartbeat, when the policy allows).
    /// </summary>
    internal static void ConfigureClient(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = s_reconnectPolicy;
    }

    private IConnectionMultiplexer Watch(IConnectionMultiplexer multiplexer)
    {
        multiplexer.ConnectionFailed += (_, e) => ReportUnavailable(e.Exception);
        multiplexer.ConnectionRestored += (_, _) => ReportAvailable(multiplexer);
        if (!multiplexer.IsConnected)
        {
            ReportUnavailable(null);
        }
        return multiplexer;
    }

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

    private void ReportAvailable(IConnectionMultiplexer multiplexer)
    {
        lock (_gate)
        {
            if (!_reportedUnavailable || !multiplexer.IsConnected)
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
