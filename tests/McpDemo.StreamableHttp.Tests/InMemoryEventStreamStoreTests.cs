using System.Net.ServerSentEvents;
using McpDemo.StreamableHttp.Resumability;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>The in-memory event store: ids, replay, and the two memory bounds.</summary>
public sealed class InMemoryEventStreamStoreTests
{
    [Fact]
    public async Task Reader_ReplaysEventsAfterLastEventId()
    {
        var store = CreateStore();
        var writer = await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Polling));
        var first = await writer.WriteEventAsync(Event(1));
        await writer.WriteEventAsync(Event(2));
        await writer.WriteEventAsync(Event(3));

        var reader = await store.GetStreamReaderAsync(first.EventId!);

        Assert.NotNull(reader);
        Assert.Equal("s1", reader.SessionId);
        Assert.Equal([2L, 3L], await ReadIdsAsync(reader));
    }

    [Fact]
    public async Task Writer_KeepsEventIdItWasGiven()
    {
        var store = CreateStore();
        var writer = await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Polling));

        var written = await writer.WriteEventAsync(Event(1) with { EventId = "given" });

        Assert.Equal("given", written.EventId);
    }

    [Fact]
    public async Task EventIds_AreUniqueAcrossStreams()
    {
        var store = CreateStore();
        var a = await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Polling));
        var b = await store.CreateStreamAsync(Options("s2", "a", SseEventStreamMode.Polling));

        Assert.NotEqual((await a.WriteEventAsync(Event(1))).EventId, (await b.WriteEventAsync(Event(1))).EventId);
    }

    [Fact]
    public async Task Stream_KeepsOnlyMostRecentEvents()
    {
        var store = CreateStore(maxEventsPerStream: 3);
        var writer = await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Polling));
        var first = await writer.WriteEventAsync(Event(1));
        for (var i = 2; i <= 10; i++)
        {
            await writer.WriteEventAsync(Event(i));
        }

        var reader = await store.GetStreamReaderAsync(first.EventId!);

        Assert.Equal([8L, 9L, 10L], await ReadIdsAsync(reader!));
    }

    [Fact]
    public async Task Store_DropsOldestStream_PastMaxStreams()
    {
        var store = CreateStore(maxStreams: 2);
        var oldest = await (await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Polling))).WriteEventAsync(Event(1));
        var middle = await (await store.CreateStreamAsync(Options("s1", "b", SseEventStreamMode.Polling))).WriteEventAsync(Event(1));
        await store.CreateStreamAsync(Options("s1", "c", SseEventStreamMode.Polling));

        Assert.Equal(2, store.StreamCount);
        Assert.Null(await store.GetStreamReaderAsync(oldest.EventId!));
        Assert.NotNull(await store.GetStreamReaderAsync(middle.EventId!));
    }

    [Fact]
    public async Task Store_KeepsStandaloneGetStream_PastMaxStreams_UntilSessionIsRemoved()
    {
        var store = CreateStore(maxStreams: 2);
        var standalone = await (await store.CreateStreamAsync(
            Options("s1", StreamableHttpServerTransport.UnsolicitedMessageStreamId, SseEventStreamMode.Streaming))).WriteEventAsync(Event(1));
        for (var i = 0; i < 5; i++)
        {
            await store.CreateStreamAsync(Options("s1", $"post-{i}", SseEventStreamMode.Polling));
        }

        Assert.NotNull(await store.GetStreamReaderAsync(standalone.EventId!));
        Assert.Equal(3, store.StreamCount);

        store.RemoveSession("s1");

        Assert.Null(await store.GetStreamReaderAsync(standalone.EventId!));
        Assert.Equal(0, store.StreamCount);
    }

    [Fact]
    public async Task StreamingReader_WaitsForNewEvents_AndEndsWhenWriterIsDisposed()
    {
        var store = CreateStore();
        var writer = await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Streaming));
        var first = await writer.WriteEventAsync(Event(1));
        var reader = await store.GetStreamReaderAsync(first.EventId!);

        var reading = ReadIdsAsync(reader!);
        await writer.WriteEventAsync(Event(2));
        await writer.DisposeAsync();

        Assert.Equal([2L], await reading.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task RemoveSession_DropsItsStreams()
    {
        var store = CreateStore();
        var mine = await (await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Polling))).WriteEventAsync(Event(1));
        var theirs = await (await store.CreateStreamAsync(Options("s2", "a", SseEventStreamMode.Polling))).WriteEventAsync(Event(1));

        store.RemoveSession("s1");

        Assert.Null(await store.GetStreamReaderAsync(mine.EventId!));
        Assert.NotNull(await store.GetStreamReaderAsync(theirs.EventId!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("abc-1-1")]
    [InlineData("--")]
    public async Task GetStreamReader_ReturnsNull_ForForeignEventId(string eventId)
    {
        var store = CreateStore();
        await store.CreateStreamAsync(Options("s1", "a", SseEventStreamMode.Polling));

        Assert.Null(await store.GetStreamReaderAsync(eventId));
    }

    private static InMemoryEventStreamStore CreateStore(int maxEventsPerStream = 100, int maxStreams = 100) =>
        new(Microsoft.Extensions.Options.Options.Create(new McpHttpOptions { MaxEventsPerStream = maxEventsPerStream, MaxEventStreams = maxStreams }));

    private static SseEventStreamOptions Options(string sessionId, string streamId, SseEventStreamMode mode) =>
        new() { SessionId = sessionId, StreamId = streamId, Mode = mode };

    private static SseItem<JsonRpcMessage?> Event(long id) =>
        new(new JsonRpcNotification { Method = "notifications/message", Params = new System.Text.Json.Nodes.JsonObject { ["n"] = id } }, "message");

    private static async Task<List<long>> ReadIdsAsync(ISseEventStreamReader reader)
    {
        var ids = new List<long>();
        await foreach (var item in reader.ReadEventsAsync())
        {
            ids.Add(((JsonRpcNotification)item.Data!).Params!["n"]!.GetValue<long>());
        }

        return ids;
    }
}
