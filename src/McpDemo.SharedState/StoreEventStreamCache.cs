using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace McpDemo.SharedState;

/// <summary>
/// The cache under the SDK's event stream store: plain string keys on the store that live an idle timeout after their
/// last use. Writes are sent without waiting for the store's reply: the store keeps a stream only so a client can
/// resume it later, and a call that waited for every event to be acknowledged paid several round trips per answer
/// (measured: 0.29x the in-process throughput). Writes keep their order on the one connection, so a resume, which
/// reads after them, sees them; those of a replica that dies mid-call are lost with that call.
/// </summary>
internal sealed class StoreEventStreamCache(StoreConnection store, string keyPrefix, TimeSpan idleTimeout) : IDistributedCache
{
    // The prefix is written before each key on the wire: several writes per request, none builds a prefixed key string.
    private readonly IDatabase _streams = store.Multiplexer.GetDatabase().WithKeyPrefix(keyPrefix);

    public byte[]? Get(string key) => _streams.StringGetSetExpiry(key, idleTimeout);

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await _streams.StringGetSetExpiryAsync(key, idleTimeout);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        _streams.StringSet(key, value, idleTimeout, flags: CommandFlags.FireAndForget);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key) =>
        _streams.KeyExpire(key, idleTimeout, flags: CommandFlags.FireAndForget);

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    public void Remove(string key) => _streams.KeyDelete(key, CommandFlags.FireAndForget);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }
}
