using StackExchange.Redis;

namespace McpDemo.Gateway.RateLimiting;

/// <summary>
/// The shared store (<c>ConnectionStrings:store</c>) as the gateways' rate-limit counter, so N gateways admit one limit,
/// not N. Each window is one key: <c>INCR</c> counts a call and <c>PEXPIRE … NX</c> starts the window at the first
/// call, both plain commands that Garnet (which ships with Lua scripting off) and every Redis serve. The expiry is
/// sent with every call, so a window whose first call lost its expiry still ends.
/// While the store cannot be reached the limiters count per instance; that is logged once per outage.
/// </summary>
internal sealed partial class RateLimitStore(IConnectionMultiplexer store, ILogger<RateLimitStore> logger)
{
    private const string KeyPrefix = "mcpdemo:ratelimit:";
    private int _countingLocally;

    /// <summary>Whether the store can be asked now; when not, limiters count per instance without trying it.</summary>
    public bool IsConnected => store.IsConnected;

    /// <summary>
    /// Counts one call in the window <paramref name="partition"/> names, starting the window if it is new, and returns
    /// the calls counted in it so far and the time left of it.
    /// </summary>
    /// <exception cref="RedisException">The store could not be reached; the caller counts per instance instead.</exception>
    public async Task<(long Count, TimeSpan? Remaining)> CountAsync(string partition, TimeSpan window)
    {
        RedisKey key = KeyPrefix + partition;
        // One round trip: the three commands go out together.
        var batch = store.GetDatabase().CreateBatch();
        var count = batch.StringIncrementAsync(key);
        var expiry = batch.KeyExpireAsync(key, window, ExpireWhen.HasNoExpiry);
        var remaining = batch.KeyTimeToLiveAsync(key);
        batch.Execute();
        await Task.WhenAll(count, expiry, remaining);
        ReportInStore();
        return (count.Result, remaining.Result);
    }

    /// <summary>Says, once per outage, that calls are now counted per instance.</summary>
    public void ReportCountingLocally(Exception? exception)
    {
        if (Interlocked.Exchange(ref _countingLocally, 1) == 0)
        {
            LogCountingLocally(exception?.Message ?? "not connected");
        }
    }

    private void ReportInStore()
    {
        if (Interlocked.Exchange(ref _countingLocally, 0) == 1)
        {
            LogCountingInStore();
        }
    }

    // The message, not the exception: an outage is expected operation, and a stack trace per outage says nothing more.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The store is unreachable ({Reason}): rate limits are counted per gateway instance until it is back, so each instance admits a tool's whole limit.")]
    private partial void LogCountingLocally(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is reachable again: rate limits are counted across gateway instances.")]
    private partial void LogCountingInStore();
}
