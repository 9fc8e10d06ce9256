using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.Bench.Chaos;

// The 2026-07-28 stream shape: subscriptions/listen streams carrying the ticks of the user's tickers.
internal sealed partial class Load
{
    /// <summary>
    /// Keeps one <c>subscriptions/listen</c> stream open, reopening it when cut, and records the ticks it carries. A
    /// listen stream is the POST's own answer and has no <c>Last-Event-ID</c> resumption (the 2026-07-28 revision drops
    /// it; the server sends its events without ids), so a reopened stream carries only what is sent after it opened.
    /// </summary>
    private async Task ListenAsync(Uri endpoint, TickerRuns runs, TaskCompletionSource listening, CancellationToken stop)
    {
        var ticks = new ReceivedSequence(Streams.Listen, resumable: false);
        _sequences.Enqueue(ticks);
        var everOpened = false;
        for (var connection = 1; !stop.IsCancellationRequested; connection++)
        {
            try
            {
                var listen = RawMcp.Body("subscriptions/listen", new JsonObject { ["notifications"] = new JsonObject() }, id: Interlocked.Increment(ref _nextId));
                using var request = RawMcp.Post(endpoint, listen, "subscriptions/listen");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                if (response.IsSuccessStatusCode && RawMcp.IsEventStream(response))
                {
                    await foreach (var message in RawMcp.ReadEventsAsync(response, stop))
                    {
                        if (StreamMessages.Method(message) == StreamMessages.Acknowledged)
                        {
                            ticks.Opened(connection, clock.Elapsed);
                            listening.TrySetResult();
                            if (everOpened)
                            {
                                _resumes.Enqueue(new(Streams.Listen, IncidentKinds.Resumed, clock.Elapsed));
                            }
                            everOpened = true;
                        }
                        else if (StreamMessages.Tick(message) is { } tick && runs.RunOf(tick.Count) is { } run)
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
            await PauseBeforeReopeningAsync(stop);
        }
    }

    /// <summary>Starts the user's tickers, through each gateway in turn, once the first listen stream is open.</summary>
    private Task ListenTickersAsync(TickerRuns runs, Task listening, CancellationToken stop)
    {
        var turn = 0;
        return TickersAsync(runs, listening, count =>
            RawMcp.CallTool(topology.Gateways[turn++ % topology.Gateways.Count], "start_ticker", TickerArguments(count)), expectEvery: null, stop);
    }

    /// <summary>
    /// Starts a ticker of <paramref name="runs"/> once <paramref name="ready"/>, and the next as soon as the one before has
    /// had time to finish. A stream that should carry every tick of every ticker the server accepted is told so through
    /// <paramref name="expectEvery"/>.
    /// </summary>
    private async Task TickersAsync(TickerRuns runs, Task ready, Func<int, HttpRequestMessage> startTicker, ReceivedSequence? expectEvery, CancellationToken stop)
    {
        try
        {
            await ready.WaitAsync(stop);
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var (run, count) = runs.Next(started);
                var (outcome, _, _) = await SendAsync(startTicker(count), stop);
                if (outcome == Outcomes.Ok)
                {
                    expectEvery?.Expected(run, started, count);
                }
                await Task.Delay(outcome == Outcomes.Ok ? TickerRuns.Duration(count) : s_reopenPause, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static JsonObject TickerArguments(int count) => new() { ["count"] = count, ["intervalMs"] = TickerRuns.IntervalMs };

    private static Task PauseBeforeReopeningAsync(CancellationToken stop) =>
        Task.Delay(s_reopenPause, stop).ContinueWith(_ => { }, TaskScheduler.Default);
}
