using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace McpDemo.Gateway.RateLimiting;

/// <summary>
/// One client's limit on one tool, counted in the store (<see cref="RateLimitStore"/>) so every gateway shares it, and
/// in this instance's own fixed window while the store cannot be reached. A refusal carries the window's remaining
/// time as <see cref="MetadataName.RetryAfter"/>.
/// </summary>
internal sealed class StoreWindowRateLimiter : RateLimiter
{
    private static readonly RateLimitLease s_acquired = new StoreLease(isAcquired: true, retryAfter: null);

    // The store is asked asynchronously only: the middleware's synchronous attempt is told no, and it then waits on
    // AcquireAsync, which asks the store.
    private static readonly RateLimitLease s_askTheStore = new StoreLease(isAcquired: false, retryAfter: null);

    private readonly string _partition;
    private readonly ToolRateLimit _limit;
    private readonly RateLimitStore _store;
    private readonly FixedWindowRateLimiter _local;

    /// <summary>A limiter for the partition <paramref name="partition"/> (already free of secrets), sized by <paramref name="limit"/>.</summary>
    public StoreWindowRateLimiter(string partition, ToolRateLimit limit, RateLimitStore store)
    {
        _partition = partition;
        _limit = limit;
        _store = store;
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration => _local.IdleDuration;

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        _store.IsConnected ? s_askTheStore : CountLocally(permitCount, exception: null);

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (!_store.IsConnected)
        {
            return CountLocally(permitCount, exception: null);
        }
        try
        {
            var (count, remaining) = await _store.CountAsync(_partition, _limit.Window);
            return count <= _limit.PermitLimit ? s_acquired : new StoreLease(isAcquired: false, remaining ?? _limit.Window);
        }
        catch (RedisException e)
        {
            return CountLocally(permitCount, e);
        }
    }

    private RateLimitLease CountLocally(int permitCount, Exception? exception)
    {
        _store.ReportCountingLocally(exception);
        return _local.AttemptAcquire(permitCount);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The store's answer: admitted, or refused until the window ends.</summary>
    private sealed class StoreLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
