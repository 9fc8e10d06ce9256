using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp.Resumability;

/// <summary>
/// Keeps recent SSE events in process memory so a client that lost a stream can resume it with
/// <c>Last-Event-ID</c>. Memory is bounded twice: each stream keeps its last
/// <see cref="McpHttpOptions.MaxEventsPerStream"/> events, and of the response streams only the last
/// <see cref="McpHttpOptions.MaxEventStreams"/> created are kept. A session's standalone GET stream lives as long as
/// the session (until <see cref="RemoveSession"/>), so a long-lived session stays resumable however many requests
/// come after it. Events do not survive a restart and are not shared between replicas; register another
/// <see cref="ISseEventStreamStore"/> for that.
/// </summary>
public sealed class InMemoryEventStreamStore : ISseEventStreamStore
{
    private readonly ConcurrentDictionary<long, InMemoryEventStream> _streams = new();

    // Standalone GET streams are counted apart: one per session, they would otherwise be the oldest and go first.
    private readonly ConcurrentDictionary<long, InMemoryEventStream> _standaloneStreams = new();
    private readonly ConcurrentQueue<long> _creationOrder = new();
    private readonly int _maxEventsPerStream;
    private readonly int _maxStreams;

    // A random prefix keeps ids from another process (a restarted or different replica) from matching ours.
    private readonly string _idPrefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private long _lastStreamKey;

    /// <summary>Creates a store bounded by <see cref="McpHttpOptions.MaxEventsPerStream"/> and <see cref="McpHttpOptions.MaxEventStreams"/>.</summary>
    public InMemoryEventStreamStore(IOptions<McpHttpOptions> options)
    {
        _maxEventsPerStream = options.Value.MaxEventsPerStream;
        _maxStreams = options.Value.MaxEventStreams;
    }

    /// <summary>The number of streams currently kept.</summary>
    public int StreamCount => _streams.Count + _standaloneStreams.Count;

    /// <inheritdoc/>
    public ValueTask<ISseEventStreamWriter> CreateStreamAsync(SseEventStreamOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        var key = Interlocked.Increment(ref _lastStreamKey);
        var stream = new InMemoryEventStream(
            options.SessionId, options.StreamId, options.Mode, $"{_idPrefix}-{key.ToString(CultureInfo.InvariantCulture)}-", _maxEventsPerStream);
        if (options.StreamId == StreamableHttpServerTransport.UnsolicitedMessageStreamId)
        {
            _standaloneStreams[key] = stream;
            return new ValueTask<ISseEventStreamWriter>(stream);
        }

        _streams[key] = stream;
        _creationOrder.Enqueue(key);

        // Bounding the queue rather than the dictionary also drops the keys of streams RemoveSession already took.
        while (_creationOrder.Count > _maxStreams && _creationOrder.TryDequeue(out var oldest))
        {
            _streams.TryRemove(oldest, out _);
        }

        return new ValueTask<ISseEventStreamWriter>(stream);
    }

    /// <inheritdoc/>
    public ValueTask<ISseEventStreamReader?> GetStreamReaderAsync(string lastEventId, CancellationToken cancellationToken = default)
    {
        ISseEventStreamReader? reader = null;
        if (TryParseEventId(lastEventId, out var key, out var sequence)
            && (_streams.TryGetValue(key, out var stream) || _standaloneStreams.TryGetValue(key, out stream)))
        {
            reader = stream.CreateReader(sequence);
        }

        return new ValueTask<ISseEventStreamReader?>(reader);
    }

    /// <summary>Drops the streams of an ended session; they can no longer be resumed.</summary>
    public void RemoveSession(string sessionId)
    {
        RemoveSessionStreams(_streams, sessionId);
        RemoveSessionStreams(_standaloneStreams, sessionId);
    }

    private static void RemoveSessionStreams(ConcurrentDictionary<long, InMemoryEventStream> streams, string sessionId)
    {
        foreach (var (key, stream) in streams)
        {
            if (stream.SessionId == sessionId)
            {
                streams.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Event ids read <c>{prefix}-{stream}-{sequence}</c>; anything else is not ours.</summary>
    private bool TryParseEventId(string eventId, out long streamKey, out long sequence)
    {
        streamKey = 0;
        sequence = 0;
        var span = eventId.AsSpan();
        if (!span.StartsWith(_idPrefix, StringComparison.Ordinal) || span.Length <= _idPrefix.Length || span[_idPrefix.Length] != '-')
        {
            return false;
        }

        span = span[(_idPrefix.Length + 1)..];
        var dash = span.IndexOf('-');
        return dash > 0
            && long.TryParse(span[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out streamKey)
            && long.TryParse(span[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
