using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace McpDemo.SharedState.Tests.Stores;

/// <summary>
/// The event-stream cache sends each batch under an activity of its own, so the store client's tracing profiles the
/// batch's commands in a session of their own, which it drops at its next flush once the activity has stopped, rather
/// than in the one session every parentless command shares: a message StackExchange.Redis's backlog keeps referenced
/// held every command profiled after it there, up to 10 s of writes (the soak's heap growth on the replicas).
/// </summary>
public sealed class StoreEventStreamCacheTests
{
    [Fact]
    public async Task EveryCommand_IsSentUnderItsBatchsOwnActivity()
    {
        await using var store = new RedisStoreServer();
        await store.StartAsync();
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(((IStoreServer)store).ConnectionString);
        // The store client's tracing asks its profiler for a session as each command is sent, under the current activity.
        var sentUnder = new ConcurrentQueue<Activity?>();
        multiplexer.RegisterProfiler(() =>
        {
            sentUnder.Enqueue(Activity.Current);
            return null;
        });
        await using var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(multiplexer).BuildServiceProvider();
        var connection = new StoreConnection(services, NullLogger<StoreConnection>.Instance);
        var cache = new StoreEventStreamCache(connection, "cache-test:", TimeSpan.FromMinutes(1));

        const int Writes = 20;
        for (var i = 1; i <= Writes; i++)
        {
            cache.Set($"event:{i}", [(byte)i], new DistributedCacheEntryOptions());
        }
        // A read queues behind the writes, so once it is answered every write has been sent.
        var lastWritten = await cache.GetAsync($"event:{Writes}");
        Assert.Equal(new byte[] { Writes }, lastWritten);

        // The client's own commands (its heartbeat) may be profiled too, with no activity; every one of the cache's
        // commands (the writes and the read) went out under a batch's activity, started in W3C form and stopped since.
        var batchActivities = sentUnder.Where(a => a?.OperationName == StoreEventStreamCache.ProfilingScopeName).ToList();
        Assert.Equal(Writes + 1, batchActivities.Count);
        Assert.All(batchActivities, activity =>
        {
            Assert.Equal(ActivityIdFormat.W3C, activity!.IdFormat);
            Assert.True(activity.IsStopped);
        });
    }
}
