using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// The cache under the SDK's event stream store: plain string keys on the store that live an idle timeout after their
/// last use.
/// <list type="bullet">
/// <item>Writes are sent without waiting for the store's reply: the store keeps a stream only so a client can resume
/// it later, and a call that waited for every event to be acknowledged paid several round trips per answer (measured:
/// 0.29x the in-process throughput).</item>
/// <item>Commands queue up and go to the store in batches, one socket write for all that queued while the previous
/// batch was written: the SDK writes five per call (two events, three stream metadata updates), and on loopback each
/// socket write costs about as much as the rest of the command (profiled: the store path's extra CPU per call was
/// mostly the sends to the store).</item>
/// </list>
/// Reads, refreshes and removals queue behind the writes, so everything reaches the store in the order it was asked
/// for, and a resume, which reads after the writes, sees them. Writes of a replica that dies mid-call are lost with
/// that call.
/// </summary>
internal sealed class StoreEventStreamCache(StoreConnection store, string keyPrefix, TimeSpan idleTimeout) : IDistributedCache
{
    /// <summary>The operation name of the activity each batch is sent under (<see cref="ExecuteInItsOwnProfilingSession"/>).</summary>
    internal const string ProfilingScopeName = "McpDemo.SharedState.StoreEventStreamCache.Batch";

    // The prefix is written before each key on the wire: several writes per call, none builds a prefixed key string.
    // Made at first use: the cache is built with the transport's options, before the store has to be connected.
    private readonly Lazy<IDatabase> _streams = store.KeysUnder(keyPrefix);
    private readonly ConcurrentQueue<Command> _queue = new();
    private int _sending;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var reply = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Command(CommandKind.Get, key, null, reply));
        return reply.Task.WaitAsync(token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Enqueue(new Command(CommandKind.Set, key, value, null));

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key) => Enqueue(new Command(CommandKind.Refresh, key, null, null));

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    public void Remove(string key) => Enqueue(new Command(CommandKind.Remove, key, null, null));

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    // One sender at a time, started by the command that finds none running; it sends until the queue is empty.
    private void Enqueue(Command command)
    {
        _queue.Enqueue(command);
        if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static cache => cache.SendQueued(), this, preferLocal: false);
        }
    }

    private void SendQueued()
    {
        while (true)
        {
            SendBatch();
            Volatile.Write(ref _sending, 0);
            // A command queued after the last batch was taken, but before the flag was cleared, started no sender.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private void SendBatch()
    {
        var batch = _streams.Value.CreateBatch();
        List<(Task<RedisValue> Sent, TaskCompletionSource<byte[]?> Reply)>? reads = null;
        while (_queue.TryDequeue(out var command))
        {
            switch (command.Kind)
            {
                case CommandKind.Set:
                    batch.StringSetAsync(command.Key, command.Value, idleTimeout, flags: CommandFlags.FireAndForget);
                    break;
                case CommandKind.Refresh:
                    batch.KeyExpireAsync(command.Key, idleTimeout, flags: CommandFlags.FireAndForget);
                    break;
                case CommandKind.Remove:
                    batch.KeyDeleteAsync(command.Key, CommandFlags.FireAndForget);
                    break;
                case CommandKind.Get:
                    (reads ??= []).Add((batch.StringGetSetExpiryAsync(command.Key, idleTimeout), command.Reply!));
                    break;
            }
        }
        try
        {
            ExecuteInItsOwnProfilingSession(batch);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The store is away: a read fails as a direct one would; writes are lost, as fire-and-forget ones are.
            foreach (var (_, reply) in reads ?? [])
            {
                reply.TrySetException(e);
            }
            return;
        }
        foreach (var (sent, reply) in reads ?? [])
        {
            _ = CompleteAsync(sent, reply);
        }
    }

    // The store client's tracing (Aspire's StackExchange.Redis instrumentation) profiles each command in a session
    // chosen by the activity current when it is sent (for a batch, at Execute): one per activity, and one that every
    // command sent without an activity shares. A session links its commands in a list, drained every 10 s.
    // StackExchange.Redis's backlog keeps up to 32 messages referenced after writing them (it peeks its queue, so
    // dequeued slots are not cleared), and a kept message holds its profiled command and, through the list, the other
    // commands of its session with their messages and payloads. Sent from the thread pool without an activity, this
    // cache's batches all went to the shared session, so each kept message held up to 10 s of its writes (the soak:
    // 1,976 writes, +1.1 MB on a replica in 8 minutes, behind 27 kept messages). Under an activity of its own, stopped
    // once sent, a batch gets a session of its own, which the next drain empties and drops, so a kept message holds no
    // more than its batch. The activity comes from no named ActivitySource, so nothing records or exports it; the
    // commands' spans are dropped as before (ServiceDefaults drops a store span whose parent is not recorded).
    private static void ExecuteInItsOwnProfilingSession(IBatch batch)
    {
        // W3C, as the instrumentation keys sessions by trace and span id and sends anything else to the shared session.
        using var profilingScope = new Activity(ProfilingScopeName).SetIdFormat(ActivityIdFormat.W3C).Start();
        batch.Execute();
    }

    private static async Task CompleteAsync(Task<RedisValue> sent, TaskCompletionSource<byte[]?> reply)
    {
        try
        {
            reply.TrySetResult(await sent);
        }
        catch (Exception e)
        {
            reply.TrySetException(e);
        }
    }

    private enum CommandKind { Set, Refresh, Remove, Get }

    private readonly record struct Command(CommandKind Kind, string Key, byte[]? Value, TaskCompletionSource<byte[]?>? Reply);
}
