using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>
/// The events of each legacy session's GET stream, kept in the store as one list per session, so any replica can add to
/// it and any replica can replay it. The store numbers the events: an event's sequence is the list's length once it was
/// pushed, so replicas writing the same session's stream never pick the same number (each of the SDK's writers counts in
/// its own memory, from 1). One list serves every GET stream the session opens, in turn: a resumption replays all that
/// was added after the event it names, whichever replica added it. The list keeps the latest <see cref="ReplayLimit"/>
/// events; a counter beside it says how many were dropped, so a sequence stays the same when older events go. Both
/// live for the session idle timeout after the last event.
/// </summary>
public sealed class StoredGetStreams
{
    // Ids this store hands out start with it, so they are told apart from the SDK's (base64:base64:sequence).
    private const string EventIdPrefix = "get:";
    private const int ReadBatch = 100;

    /// <summary>
    /// How many of a session's latest events are kept for resumption. Older ones are dropped in batches of an eighth of
    /// this, so the list of a session that notifies for hours stays bounded; a resumption after them starts at the
    /// oldest kept event.
    /// </summary>
    public const int ReplayLimit = 1000;

    private const string Unavailable = "The shared state store is unavailable, so the session's GET stream cannot be written or read now.";
    private static readonly JsonTypeInfo s_messageJson = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly Lazy<IDatabase> _streams;
    private readonly SessionIdleTimeout _idleTimeout;

    /// <summary>Creates the streams over the store's connection.</summary>
    public StoredGetStreams(StoreConnection store, IOptions<SharedStateOptions> options, SessionIdleTimeout idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(idleTimeout);
        // Built with the transport's options, before the store has to be connected.
        _streams = store.KeysUnder(options.Value.KeyPrefix + "getstream:");
        _idleTimeout = idleTimeout;
    }

    /// <summary>The SSE event id of the <paramref name="sequence"/>th event of <paramref name="sessionId"/>'s GET stream.</summary>
    public static string EventId(string sessionId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{EventIdPrefix}{sequence}:{sessionId}");

    /// <summary>Reads an id made by <see cref="EventId"/>; false for any other string (the SDK's own ids among them).</summary>
    public static bool TryParseEventId(string eventId, out string sessionId, out long sequence)
    {
        sessionId = string.Empty;
        sequence = 0;
        if (!eventId.StartsWith(EventIdPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = eventId.AsSpan(EventIdPrefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1
            || !long.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }
        sessionId = rest[(colon + 1)..].ToString();
        return true;
    }

    /// <summary>
    /// Adds <paramref name="message"/> (<see langword="null"/> for the priming event a GET stream starts with) to the
    /// session's stream, creating it, and returns the event's sequence.
    /// </summary>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached.</exception>
    public Task<long> AppendAsync(string sessionId, JsonRpcMessage? message) => PushAsync(sessionId, message, onlyIfOpened: false);

    /// <summary>
    /// Adds <paramref name="message"/> to the session's stream if the session has ever opened one, and returns the event's
    /// sequence, or 0 when it has not: like the SDK, a session that never opened a GET stream does not collect its
    /// notifications.
    /// </summary>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached.</exception>
    public Task<long> AppendIfOpenedAsync(string sessionId, JsonRpcMessage message) => PushAsync(sessionId, message, onlyIfOpened: true);

    /// <summary>Whether the session's stream is still stored (it expires with the session).</summary>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached.</exception>
    public Task<bool> ExistsAsync(string sessionId) => StoreCommand.RunAsync(() => _streams.Value.KeyExistsAsync(sessionId), Unavailable);

    /// <summary>
    /// Reads up to a batch of the session's events from sequence <paramref name="from"/> on (or from the oldest kept, if
    /// those were dropped), each with its sequence; the priming events of the streams it held come back with no message.
    /// </summary>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached.</exception>
    public async Task<IReadOnlyList<(long Sequence, JsonRpcMessage? Message)>> ReadAsync(string sessionId, long from)
    {
        var streams = _streams.Value;
        var dropped = await StoreCommand.RunAsync(() => streams.StringGetAsync(DroppedKey(sessionId)), Unavailable);
        while (true)
        {
            // Where `from` sits in the list depends on how many were dropped: read both at once, and again if a drop came
            // between the two reads.
            var first = Math.Max((long)dropped + 1, from);
            var transaction = streams.CreateTransaction();
            var droppedNow = transaction.StringGetAsync(DroppedKey(sessionId));
            var range = transaction.ListRangeAsync(sessionId, first - (long)dropped - 1, first - (long)dropped - 2 + ReadBatch);
            await StoreCommand.RunAsync(() => transaction.ExecuteAsync(), Unavailable);
            if ((long)await droppedNow != (long)dropped)
            {
                dropped = await droppedNow;
                continue;
            }
            var values = await range;
            var events = new (long, JsonRpcMessage?)[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var bytes = (byte[]?)values[i];
                events[i] = (first + i, bytes is null or [] ? null : (JsonRpcMessage?)JsonSerializer.Deserialize(bytes, s_messageJson));
            }
            return events;
        }
    }

    private static RedisKey DroppedKey(string sessionId) => "dropped:" + sessionId;

    private async Task<long> PushAsync(string sessionId, JsonRpcMessage? message, bool onlyIfOpened)
    {
        var value = message is null ? [] : JsonSerializer.SerializeToUtf8Bytes(message, s_messageJson);
        var streams = _streams.Value;
        // The list's new length and the count of dropped events, read at one instant: together they are the sequence.
        var transaction = streams.CreateTransaction();
        var pushed = transaction.ListRightPushAsync(sessionId, value, onlyIfOpened ? When.Exists : When.Always);
        var dropped = transaction.StringGetAsync(DroppedKey(sessionId));
        await StoreCommand.RunAsync(() => transaction.ExecuteAsync(), Unavailable);
        var length = await pushed;
        if (length == 0)
        {
            return 0;
        }
        // Sliding, like the session's record: the stream is forgotten an idle timeout after its last event.
        _ = streams.KeyExpireAsync(sessionId, _idleTimeout.Value, CommandFlags.FireAndForget);
        if (length > ReplayLimit + ReplayLimit / 8)
        {
            DropOldest(streams, sessionId, length - ReplayLimit);
        }
        return (long)await dropped + length;
    }

    // Drops the oldest `count` events and counts them, at one instant, so readers can still tell where a sequence is.
    private void DropOldest(IDatabase streams, string sessionId, long count)
    {
        var transaction = streams.CreateTransaction();
        _ = transaction.ListTrimAsync(sessionId, count, -1);
        _ = transaction.StringIncrementAsync(DroppedKey(sessionId), count);
        _ = transaction.KeyExpireAsync(DroppedKey(sessionId), _idleTimeout.Value);
        _ = transaction.ExecuteAsync(CommandFlags.FireAndForget);
    }
}
