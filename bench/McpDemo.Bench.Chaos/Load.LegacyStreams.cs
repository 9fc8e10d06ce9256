using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.Bench.Chaos;

// The legacy (2025-11-25) stream shapes: a session's GET stream carrying its tickers' ticks, and countdown answers,
// both resumed with Last-Event-ID when cut.
internal sealed partial class Load
{
    private const int CountdownSteps = 20;
    private const int CountdownIntervalMs = 250;

    // Long enough for a cut answer to be resumed through a restarted gateway, or for one resumption to end silent on
    // another replica (SharedState:ResumedStreamIdleTimeout, 10 s).
    private static readonly TimeSpan s_countdownPatience = TimeSpan.FromSeconds(60);

    /// <summary>The streams of one legacy session: its GET stream, the tickers that send to it, and countdown calls one after another.</summary>
    private async Task LegacyStreamsAsync(Uri endpoint, int gateway, string sessionId, CancellationToken stop)
    {
        var runs = new TickerRuns();
        var ticks = new ReceivedSequence(Streams.LegacyGet, resumable: true);
        _sequences.Enqueue(ticks);
        // A tick sent before the session's first GET stream is open is dropped by the SDK: the tickers wait for it.
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.WhenAll(
            GetStreamAsync(endpoint, gateway, sessionId, ticks, runs, open, stop),
            TickersAsync(runs, open.Task, count => LegacyPost(endpoint,
                Request("tools/call", new JsonObject { ["name"] = "start_ticker", ["arguments"] = TickerArguments(count) }), sessionId), ticks, stop),
            CountdownsAsync(endpoint, gateway, sessionId, stop));
    }

    /// <summary>
    /// Keeps the session's GET stream open, resuming it after the last event id when it is cut, and records the ticks it
    /// carries. A resumption the server refuses, or that ends without an event, is followed by a new stream (as the
    /// TypeScript client does: it resumes after the last id of the connection that was cut, so after an empty resumption
    /// it has none); a new stream the server refuses (the replica holding the session has one open) by a resumption.
    /// </summary>
    private async Task GetStreamAsync(Uri endpoint, int gateway, string sessionId, ReceivedSequence ticks, TickerRuns runs, TaskCompletionSource opened, CancellationToken stop)
    {
        string? lastEventId = null;
        var fresh = true;
        for (var connection = 1; !stop.IsCancellationRequested; connection++)
        {
            var resuming = !fresh && lastEventId is not null;
            var (status, delivered) = ((int?)null, 0);
            try
            {
                using var request = SessionRequest(HttpMethod.Get, endpoint, sessionId);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                if (resuming)
                {
                    request.Headers.Add(McpHeaders.LastEventId, lastEventId);
                }
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    ticks.Opened(connection, clock.Elapsed);
                    opened.TrySetResult();
                    if (resuming)
                    {
                        _resumes.Enqueue(new(Streams.LegacyGet, IncidentKinds.Resumed, clock.Elapsed));
                    }
                    await foreach (var item in RawMcp.ReadSseAsync(response, stop))
                    {
                        lastEventId = item.EventId ?? lastEventId;
                        if (item.Data.Length == 0)
                        {
                            continue;
                        }
                        delivered++;
                        using var message = JsonDocument.Parse(item.Data);
                        if (StreamMessages.Tick(message.RootElement) is { } tick && runs.RunOf(tick.Count) is { } run)
                        {
                            ticks.Received(run.Run, run.Started, tick.Number, connection, clock.Elapsed);
                        }
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !stop.IsCancellationRequested)
            {
                // Cut by a fault, or not reachable yet: opened again below.
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            var answered = status is >= 200 and < 300;
            if (answered && !stop.IsCancellationRequested)
            {
                _streamCuts.Enqueue((clock.Elapsed, gateway));
            }
            // Unreachable (no status): the same again. Answered or refused: the other kind, unless a resumption carried events.
            fresh = status is null ? fresh : resuming && (!answered || delivered == 0);
            await PauseBeforeReopeningAsync(stop);
        }
    }

    /// <summary>Calls <c>countdown</c> in the session one call after another, recording each call's progress and whether its answer arrived.</summary>
    private async Task CountdownsAsync(Uri endpoint, int gateway, string sessionId, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var progress = new ReceivedSequence(Streams.Countdown, resumable: true);
                var (arrived, resumes) = await CountdownAsync(endpoint, sessionId, started, progress, stop);
                _sequences.Enqueue(progress);
                _countdowns.Enqueue(new CountdownCall(gateway, started, clock.Elapsed, arrived, resumes));
                await Task.Delay(s_reopenPause, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A countdown the run's end cut short is not counted.
        }
    }

    /// <summary>
    /// One countdown: its answer's stream read, and when cut before the answer, resumed with a GET carrying the session id
    /// and the last event id seen, as the TypeScript client does. Gives up when the server refuses a resumption, when a
    /// resumption ends without an event (the replica that ran the call is gone: nothing more will be written), or when
    /// its patience runs out.
    /// </summary>
    private async Task<(bool ResultArrived, int Resumes)> CountdownAsync(Uri endpoint, string sessionId, TimeSpan started, ReceivedSequence progress, CancellationToken stop)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(stop);
        patience.CancelAfter(s_countdownPatience);
        var id = Interlocked.Increment(ref _nextId);
        var call = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = "tools/call",
            ["params"] = new JsonObject
            {
                ["name"] = "countdown",
                ["arguments"] = new JsonObject { ["steps"] = CountdownSteps, ["intervalMs"] = CountdownIntervalMs },
                ["_meta"] = new JsonObject { ["progressToken"] = $"countdown-{id}" },
            },
        };
        string? lastEventId = null;
        var resumes = 0;
        try
        {
            for (var connection = 1; ; connection++)
            {
                var (status, delivered) = ((int?)null, 0);
                try
                {
                    using var request = connection == 1 ? LegacyPost(endpoint, call, sessionId) : SessionRequest(HttpMethod.Get, endpoint, sessionId);
                    if (connection > 1)
                    {
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                        request.Headers.Add(McpHeaders.LastEventId, lastEventId);
                    }
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token);
                    status = (int)response.StatusCode;
                    if (!response.IsSuccessStatusCode || !RawMcp.IsEventStream(response))
                    {
                        return (false, resumes);
                    }
                    if (connection > 1)
                    {
                        resumes++;
                        _resumes.Enqueue(new(Streams.Countdown, IncidentKinds.Resumed, clock.Elapsed));
                    }
                    await foreach (var item in RawMcp.ReadSseAsync(response, patience.Token))
                    {
                        lastEventId = item.EventId ?? lastEventId;
                        if (item.Data.Length == 0)
                        {
                            continue;
                        }
                        delivered++;
                        using var message = JsonDocument.Parse(item.Data);
                        if (StreamMessages.Progress(message.RootElement) is { } done)
                        {
                            progress.Received(0, started, done, connection, clock.Elapsed);
                        }
                        else if (StreamMessages.IsResultOf(message.RootElement, id))
                        {
                            progress.Completed(0, CountdownSteps, clock.Elapsed);
                            return (true, resumes);
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException && !patience.IsCancellationRequested)
                {
                    // Cut before the answer, or not reachable yet: resumed below.
                }
                if (lastEventId is null || connection > 1 && status is not null && delivered == 0)
                {
                    return (false, resumes);
                }
                await Task.Delay(s_reopenPause, patience.Token);
            }
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return (false, resumes);
        }
    }
}
