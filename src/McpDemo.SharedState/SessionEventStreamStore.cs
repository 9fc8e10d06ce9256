using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.SharedState;

#pragma warning disable MCP9006 // Resumable streams are a legacy-session feature, which this library exists to carry.

/// <summary>
/// The event stream store of replicas that share a store: a session's GET stream is kept in
/// <see cref="StoredGetStreams"/>, where every replica adds to it; a POST's answer stream, written by the one replica
/// that runs the call, is left to the SDK's store (<paramref name="answers"/>).
/// </summary>
/// <remarks>
/// A resumed GET stream is read from the store and stays open, polled every <see cref="PollInterval"/>, so what other
/// replicas add reaches it; <see cref="ResumedStreamIdleLimit"/> ends it after a silence, and the client resumes again.
/// </remarks>
internal sealed class SessionEventStreamStore(ISseEventStreamStore answers, StoredGetStreams getStreams) : ISseEventStreamStore
{
    /// <summary>How often a resumed GET stream looks for events other replicas added: a tick's delay, at most.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    // The id of the event the current flow is about to send, when the sender has already added it to the stored stream.
    private static readonly AsyncLocal<string?> s_alreadyStoredAs = new();

    /// <summary>
    /// Says that the message the calling flow sends next on a GET stream is already in the store under
    /// <paramref name="eventId"/>: the stream's writer gives it that id rather than add it again. Set in an async method,
    /// it lasts until that method returns.
    /// </summary>
    public static void AlreadyStoredAs(string eventId) => s_alreadyStoredAs.Value = eventId;

    /// <inheritdoc />
    public ValueTask<ISseEventStreamWriter> CreateStreamAsync(SseEventStreamOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StreamId == StreamableHttpServerTransport.UnsolicitedMessageStreamId
            ? new(new GetStreamWriter(getStreams, options.SessionId))
            : answers.CreateStreamAsync(options, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<ISseEventStreamReader?> GetStreamReaderAsync(string lastEventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lastEventId);
        if (!StoredGetStreams.TryParseEventId(lastEventId, out var sessionId, out var sequence))
        {
            return await answers.GetStreamReaderAsync(lastEventId, cancellationToken);
        }
        return await getStreams.ExistsAsync(sessionId) ? new GetStreamReader(getStreams, sessionId, sequence + 1) : null;
    }

    /// <summary>Writes a GET stream's events to the session's stored stream, numbered by the store.</summary>
    private sealed class GetStreamWriter(StoredGetStreams getStreams, string sessionId) : ISseEventStreamWriter
    {
        public ValueTask SetModeAsync(SseEventStreamMode mode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public async ValueTask<SseItem<JsonRpcMessage?>> WriteEventAsync(SseItem<JsonRpcMessage?> sseItem, CancellationToken cancellationToken = default)
        {
            if (sseItem.EventId is not null)
            {
                return sseItem;
            }
            if (s_alreadyStoredAs.Value is { } storedId && sseItem.Data is not null)
            {
                s_alreadyStoredAs.Value = null;
                return sseItem with { EventId = storedId };
            }
            var sequence = await getStreams.AppendAsync(sessionId, sseItem.Data);
            return sseItem with { EventId = StoredGetStreams.EventId(sessionId, sequence) };
        }

        // The stored stream outlives this writer: the session may open its next GET stream on another replica.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Reads a session's stored GET stream from a sequence on, and keeps reading as events are added.</summary>
    private sealed class GetStreamReader(StoredGetStreams getStreams, string sessionId, long from) : ISseEventStreamReader
    {
        public string SessionId => sessionId;

        public string StreamId => StreamableHttpServerTransport.UnsolicitedMessageStreamId;

        public async IAsyncEnumerable<SseItem<JsonRpcMessage?>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var next = from;
            while (true)
            {
                var (events, ended) = await TryReadAsync(next);
                if (ended)
                {
                    yield break;
                }
                foreach (var (sequence, message) in events)
                {
                    next = sequence + 1;
                    // A priming event of a later GET stream carries nothing for this one.
                    if (message is not null)
                    {
                        yield return new SseItem<JsonRpcMessage?>(message) { EventId = StoredGetStreams.EventId(sessionId, sequence) };
                    }
                }
                if (events.Count == 0)
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
        }

        // While the store is away the stream waits for it rather than fail a response that has started: what is added
        // meanwhile is read once it is back, and a long silence ends the stream (ResumedStreamIdleLimit).
        private async Task<(IReadOnlyList<(long Sequence, JsonRpcMessage? Message)> Events, bool Ended)> TryReadAsync(long next)
        {
            try
            {
                var events = await getStreams.ReadAsync(sessionId, next);
                // Nothing new in a list that is gone: the session was deleted or expired.
                return (events, events.Count == 0 && !await getStreams.ExistsAsync(sessionId));
            }
            catch (SharedStateUnavailableException)
            {
                return ([], false);
            }
        }
    }
}
