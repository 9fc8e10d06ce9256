using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpDemo.Testing;

namespace McpDemo.Bench.Chaos;

/// <summary>
/// A steady mixed load through every gateway, the shapes of FaultsUnderLoadTests at a fixed rate: per gateway, two
/// clients calling 2026-07-28 <c>tools/call ping</c> and one legacy (2025-11-25) session calling <c>ping</c> with its
/// GET stream open. A legacy session answered 404 counts as lost and is replaced.
/// </summary>
internal sealed partial class Load(Topology topology, Stopwatch clock) : IDisposable
{
    /// <summary>The kind of a 2026-07-28 call.</summary>
    public const string Current = "2026-07-28";

    /// <summary>The kind of a call in a legacy session.</summary>
    public const string Legacy = "legacy";

    private const int CurrentClientsPerGateway = 2;
    private static readonly TimeSpan s_currentPeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_legacyPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = CreateClient(topology.ApiKey);
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly ConcurrentQueue<(TimeSpan At, int Gateway)> _sessionsLost = new();
    private readonly ConcurrentQueue<(TimeSpan At, int Gateway)> _streamCuts = new();
    private int _nextId;

    /// <summary>Every call finished so far.</summary>
    public IReadOnlyCollection<Call> Calls => _calls;

    /// <summary>When a legacy session was found gone (404), and through which gateway.</summary>
    public IReadOnlyCollection<(TimeSpan At, int Gateway)> SessionsLost => _sessionsLost;

    /// <summary>When a legacy session's GET stream ended or was cut (and was opened again).</summary>
    public IReadOnlyCollection<(TimeSpan At, int Gateway)> StreamCuts => _streamCuts;

    /// <summary>Runs the load until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(topology.Gateways.SelectMany((endpoint, i) =>
        Enumerable.Range(0, CurrentClientsPerGateway).Select(_ => CurrentClientAsync(endpoint, i + 1, stop))
            .Append(LegacyClientAsync(endpoint, i + 1, stop))));

    /// <summary>Starts a legacy session through <paramref name="endpoint"/>: 200 and its id, or what it got instead.</summary>
    public async Task<(string Outcome, string? SessionId)> StartSessionAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var initialize = Request("initialize", new JsonObject
        {
            ["protocolVersion"] = RawMcp.Legacy,
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "mcpdemo-chaos", ["version"] = "1.0.0" },
        });
        var (outcome, sessionId, _) = await SendAsync(LegacyPost(endpoint, initialize, sessionId: null), cancellationToken);
        if (outcome != Outcomes.Ok || sessionId is null)
        {
            return (outcome, null);
        }
        var initialized = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" };
        var (notified, _, _) = await SendAsync(LegacyPost(endpoint, initialized, sessionId), cancellationToken);
        return notified == Outcomes.Ok ? (Outcomes.Ok, sessionId) : (notified, null);
    }

    private async Task CurrentClientAsync(Uri endpoint, int gateway, CancellationToken stop)
    {
        await PacedAsync(s_currentPeriod, stop, async () =>
        {
            var started = clock.Elapsed;
            var (outcome, _, instance) = await SendAsync(RawMcp.CallTool(endpoint, "ping", new JsonObject()), stop);
            _calls.Enqueue(new Call(Current, gateway, started, clock.Elapsed, outcome, instance));
        });
    }

    private async Task LegacyClientAsync(Uri endpoint, int gateway, CancellationToken stop)
    {
        string? sessionId = null;
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var stream = Task.CompletedTask;
        await PacedAsync(s_legacyPeriod, stop, async () =>
        {
            if (sessionId is null)
            {
                (_, sessionId) = await StartSessionAsync(endpoint, stop);
                if (sessionId is not null)
                {
                    var id = sessionId;
                    stream = GetStreamAsync(endpoint, gateway, id, () => sessionId == id, streams.Token);
                }
                return;
            }
            var started = clock.Elapsed;
            var call = Request("tools/call", new JsonObject { ["name"] = "ping", ["arguments"] = new JsonObject() });
            var (outcome, _, instance) = await SendAsync(LegacyPost(endpoint, call, sessionId), stop);
            _calls.Enqueue(new Call(Legacy, gateway, started, clock.Elapsed, outcome, instance));
            if (outcome == Outcomes.SessionLost)
            {
                _sessionsLost.Enqueue((clock.Elapsed, gateway));
                sessionId = null;
            }
        });
        await streams.CancelAsync();
        await stream;
    }

    /// <summary>Keeps the session's GET stream open while <paramref name="current"/> says the session is in use, resuming after the last event id when it is cut.</summary>
    private async Task GetStreamAsync(Uri endpoint, int gateway, string sessionId, Func<bool> current, CancellationToken stop)
    {
        string? lastEventId = null;
        var open = false;
        while (!stop.IsCancellationRequested && current())
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                request.Headers.Add(McpHeaders.SessionId, sessionId);
                request.Headers.Add(McpHeaders.ProtocolVersion, RawMcp.Legacy);
                if (lastEventId is not null)
                {
                    request.Headers.Add(McpHeaders.LastEventId, lastEventId);
                }
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                if (response.IsSuccessStatusCode)
                {
                    open = true;
                    await foreach (var item in RawMcp.ReadSseAsync(response, stop))
                    {
                        lastEventId = item.EventId ?? lastEventId;
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
            if (open && !stop.IsCancellationRequested)
            {
                // An open stream ended: one cut, however many tries it takes to open it again.
                _streamCuts.Enqueue((clock.Elapsed, gateway));
            }
            open = false;
            if (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Runs <paramref name="call"/> once per <paramref name="period"/> (or back to back when calls take longer), until <paramref name="stop"/>.</summary>
    private static async Task PacedAsync(TimeSpan period, CancellationToken stop, Func<Task> call)
    {
        var next = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await call();
                next += (long)(period.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }
                else
                {
                    next = Stopwatch.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Sends one request and says what it got, the session id it was given, and which replica answered.</summary>
    private async Task<(string Outcome, string? SessionId, int? Instance)> SendAsync(HttpRequestMessage request, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(s_callTimeout);
        try
        {
            using (request)
            using (var response = await _http.SendAsync(request, timeout.Token))
            {
                var sessionId = response.Headers.TryGetValues(McpHeaders.SessionId, out var values) ? values.First() : null;
                return ((int)response.StatusCode) switch
                {
                    200 => await ResultOfAsync(response, sessionId),
                    202 => (Outcomes.Ok, sessionId, null),
                    424 => (response.Headers.RetryAfter is null ? Outcomes.RetryWithoutAfter : Outcomes.Retry, sessionId, null),
                    404 => (Outcomes.SessionLost, sessionId, null),
                    >= 500 => (Outcomes.ServerError, sessionId, null),
                    _ => (Outcomes.Other, sessionId, null),
                };
            }
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return (Outcomes.Timeout, null, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (Outcomes.Connection, null, null);
        }
    }

    private static async Task<(string, string?, int?)> ResultOfAsync(HttpResponseMessage response, string? sessionId)
    {
        var message = await RawMcp.ReadMessageAsync(response);
        if (!message.TryGetProperty("result", out var result))
        {
            return (Outcomes.Other, sessionId, null);
        }
        var text = result.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array && content.GetArrayLength() > 0
            ? content[0].GetProperty("text").GetString() : null;
        var instance = text is not null && PongInstance().Match(text) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        return (Outcomes.Ok, sessionId, instance);
    }

    private JsonObject Request(string method, JsonObject parameters) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = method, ["params"] = parameters };

    private static HttpRequestMessage LegacyPost(Uri endpoint, JsonObject message, string? sessionId)
    {
        // A legacy client names its protocol only once it has a session (the initialize request carries it in its body).
        var request = RawMcp.Post(endpoint, message.ToJsonString(), method: null, protocolVersion: sessionId is null ? null : RawMcp.Legacy);
        if (sessionId is not null)
        {
            request.Headers.Add(McpHeaders.SessionId, sessionId);
        }
        return request;
    }

    private static HttpClient CreateClient(string apiKey)
    {
        // No cookies: the gateways route by store-backed sessions here, not by the affinity cookie. Calls time out on
        // their own (s_callTimeout); the GET streams stay open as long as the run.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    [GeneratedRegex(@"instance=(\d+)")]
    private static partial Regex PongInstance();

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
