using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp.Resumability;

/// <summary>One resumable SSE stream: the writer the transport appends to, and the source of replaying readers.</summary>
internal sealed class InMemoryEventStream : ISseEventStreamWriter
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Sequence, SseItem<JsonRpcMessage?> Item)> _events = new();
    private readonly string _eventIdPrefix;
    private readonly int _maxEvents;
    private long _lastSequence;
    private bool _completed;
    private SseEventStreamMode _mode;
    private TaskCompletionSource _changed = NewSignal();

    public InMemoryEventStream(string sessionId, string streamId, SseEventStreamMode mode, string eventIdPrefix, int maxEvents)
    {
        SessionId = sessionId;
        StreamId = streamId;
        _mode = mode;
        _eventIdPrefix = eventIdPrefix;
        _maxEvents = maxEvents;
    }

    public string SessionId { get; }

    public string StreamId { get; }

    public ValueTask SetModeAsync(SseEventStreamMode mode, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _mode = mode;
            Signal();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<SseItem<JsonRpcMessage?>> WriteEventAsync(SseItem<JsonRpcMessage?> sseItem, CancellationToken cancellationToken = default)
    {
        if (sseItem.EventId is not null)
        {
            return new ValueTask<SseItem<JsonRpcMessage?>>(sseItem);
        }

        lock (_lock)
        {
            var sequence = ++_lastSequence;
            var stored = sseItem with { EventId = _eventIdPrefix + sequence.ToString(CultureInfo.InvariantCulture) };
            _events.Enqueue((sequence, stored));
            if (_events.Count > _maxEvents)
            {
                _events.Dequeue();
            }

            Signal();
            return new ValueTask<SseItem<JsonRpcMessage?>>(stored);
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _completed = true;
            Signal();
        }

        return ValueTask.CompletedTask;
    }

    public ISseEventStreamReader CreateReader(long afterSequence) => new Reader(this, afterSequence);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    /// <summary>Copies the events after <paramref name="afterSequence"/>, or returns the task that completes on the next change.</summary>
    private Task? TakeEventsAfter(long afterSequence, List<(long Sequence, SseItem<JsonRpcMessage?> Item)> into)
    {
        lock (_lock)
        {
            foreach (var entry in _events)
            {
                if (entry.Sequence > afterSequence)
                {
                    into.Add(entry);
                }
            }

            if (into.Count > 0 || _completed || _mode == SseEventStreamMode.Polling)
            {
                return null;
            }

            return _changed.Task;
        }
    }

    private sealed class Reader(InMemoryEventStream stream, long afterSequence) : ISseEventStreamReader
    {
        public string SessionId => stream.SessionId;

        public string StreamId => stream.StreamId;

        public async IAsyncEnumerable<SseItem<JsonRpcMessage?>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var position = afterSequence;
            var batch = new List<(long Sequence, SseItem<JsonRpcMessage?> Item)>();
            while (true)
            {
                batch.Clear();
                var changed = stream.TakeEventsAfter(position, batch);
                if (changed is not null)
                {
                    await changed.WaitAsync(cancellationToken);
                    continue;
                }

                if (batch.Count == 0)
                {
                    yield break;
                }

                foreach (var (sequence, item) in batch)
                {
                    position = sequence;
                    yield return item;
                }
            }
        }
    }
}
