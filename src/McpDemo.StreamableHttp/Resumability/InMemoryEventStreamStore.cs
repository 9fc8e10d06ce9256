using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp.Resumability;

/// <summary>
/// Keeps recent SSE events in process memory so a client that lost a stream can resume it with
/// <c>Last-Event-ID</c>. Memory is bounded twice: each stream keeps its last
/// <see cref="McpHttpOptions.MaxEventsPerStream"/> events, and past <see cref="McpHttpOptions.MaxEventStreams"/>
/// streams the oldest stream is dropped. Events do not survive a restart and are not shared between replicas;
/// register another <see cref="ISseEventStreamStore"/> for that.
/// </summary>
public sealed class InMemoryEventStreamStore : ISseEventStreamStore
{
    private readonly ConcurrentDictionary<long, InMemoryEventStream> _streams = new();
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
    public int StreamCount => _streams.Count;

    /// <inheritdoc/>
    public ValueTask<ISseEventStreamWriter> CreateStreamAsync(SseEventStreamOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        var key = Interlocked.Increment(ref _lastStreamKey);
        var stream = new InMemoryEventStream(
            options.SessionId, options.StreamId, options.Mode, $"{_idPrefix}-{key.ToString(CultureInfo.InvariantCulture)}-", _maxEventsPerStream);
        _streams[key] = stream;
        _creationOrder.Enqueue(key);

        while (_streams.Count > _maxStreams && _creationOrder.TryDequeue(out var oldest))
        {
            _streams.TryRemove(oldest, out _);
        }

        return new ValueTask<ISseEventStreamWriter>(stream);
    }

    /// <inheritdoc/>
    public ValueTask<ISseEventStreamReader?> GetStreamReaderAsync(string lastEventId, CancellationToken cancellationToken = default)
    {
        ISseEventStreamReader? reader = null;
        if (TryParseEventId(lastEventId, out var key, out var sequence) && _streams.TryGetValue(key, out var stream))
        {
            reader = stream.CreateReader(sequence);
        }

        return new ValueTask<ISseEventStreamReader?>(reader);
    }

    /// <summary>Drops the streams of an ended session; they can no longer be resumed.</summary>
    public void RemoveSession(string sessionId)
    {
        foreach (var (key, stream) in _streams)
        {
            if (stream.SessionId == sessionId)
            {
                _streams.TryRemove(key, out _);
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
