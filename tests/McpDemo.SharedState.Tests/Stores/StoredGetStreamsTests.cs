using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpDemo.SharedState.Tests.Stores;

/// <summary>
/// A session's stored GET stream keeps its latest <see cref="StoredGetStreams.ReplayLimit"/> events, so a session that
/// notifies for hours does not grow the store without end, and an event's sequence survives the drop of older ones.
/// </summary>
public sealed class StoredGetStreamsTests
{
    [Theory]
    [InlineData("garnet")]
    [InlineData("redis-server")]
    public async Task PastTheReplayLimit_TheOldestAreDropped_AndSequencesStayTheSame(string kind)
    {
        // Both, as appending and dropping run in MULTI/EXEC transactions, which each store implements itself.
        await using IStoreServer store = kind == "garnet" ? new GarnetStoreServer() : new RedisStoreServer();
        await store.StartAsync();
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        await using var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(multiplexer).BuildServiceProvider();
        var streams = new StoredGetStreams(new StoreConnection(services, NullLogger<StoreConnection>.Instance),
            Options.Create(new SharedStateOptions()), new SessionIdleTimeout(Options.Create(new HttpServerTransportOptions())));
        const string SessionId = "replay-limit";
        var events = StoredGetStreams.ReplayLimit * 2;

        Assert.Equal(1, await streams.AppendAsync(SessionId, null));
        var sequences = new List<long>();
        for (var n = 1; n <= events; n++)
        {
            sequences.Add(await streams.AppendIfOpenedAsync(SessionId, Tick(n)));
        }
        var oldest = await streams.ReadAsync(SessionId, 1);
        var latest = await streams.ReadAsync(SessionId, events - 1);

        Assert.Equal(Enumerable.Range(2, events).Select(n => (long)n), sequences);
        Assert.True(await multiplexer.GetDatabase().ListLengthAsync("mcpdemo:getstream:" + SessionId) <= StoredGetStreams.ReplayLimit * 9 / 8,
            "The stored stream grew past its limit.");
        // Resuming from an event that was dropped starts at the oldest kept one, under its own sequence.
        Assert.True(oldest[0].Sequence > 1);
        Assert.Equal(oldest[0].Sequence - 1, TickNumber(oldest[0].Message));
        Assert.Equal(new (long, int)[] { (events - 1, events - 2), (events, events - 1), (events + 1, events) },
            latest.Select(e => (e.Sequence, TickNumber(e.Message))));
    }

    private static JsonRpcNotification Tick(int n) => new() { Method = "notifications/message", Params = new System.Text.Json.Nodes.JsonObject { ["tick"] = n } };

    private static int TickNumber(JsonRpcMessage? message) => ((JsonRpcNotification)message!).Params!["tick"]!.GetValue<int>();
}
