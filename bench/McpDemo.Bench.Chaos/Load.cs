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
/// A steady mixed load through every gateway, the shapes of issue 18 at a fixed rate. Per gateway: two clients calling
/// 2026-07-28 <c>tools/call ping</c>; two 2026-07-28 <c>subscriptions/listen</c> streams, reopened when cut, carrying
/// the ticks of tickers one client keeps starting (<c>Load.Listen.cs</c>); and three legacy (2025-11-25) sessions, one
/// started on each replica, each calling <c>ping</c>, keeping its GET stream open with tickers of its own on it, and
/// calling <c>countdown</c> one call after another, its GET stream and countdown answers resumed with
/// <c>Last-Event-ID</c> when cut (<c>Load.LegacyStreams.cs</c>). A legacy session answered 404 counts as lost and is
/// replaced.
/// </summary>
internal sealed partial class Load(Topology topology, Stopwatch clock) : IDisposable
{
    /// <summary>The kind of a 2026-07-28 call.</summary>
    public const string Current = "2026-07-28";

    /// <summary>The kind of a call in a legacy session.</summary>
    public const string Legacy = "legacy";

    private const int CurrentClientsPerGateway = 2;
    private const int ListenStreamsPerGateway = 2;

    // One legacy session on each of the topology's three replicas (per gateway), so a replica's fault always cuts some.
    private const int LegacySessionsPerGateway = 3;
    private const int PlacementTries = 10;
    private static readonly TimeSpan s_currentPeriod = TimeSpan.FromMilliseconds(200);

    // Each session's ping rate: 4 legacy calls a second per gateway in all, as before the sessions carried streams.
    private static readonly TimeSpan s_legacyPeriod = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_reopenPause = TimeSpan.FromMilliseconds(500);

    private readonly HttpClient _http = CreateClient(topology.ApiKey);
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly ConcurrentQueue<(TimeSpan At, int Gateway)> _sessionsLost = new();
    private readonly ConcurrentQueue<(TimeSpan At, int Gateway)> _streamCuts = new();
    private readonly ConcurrentQueue<ReceivedSequence> _sequences = new();
    private readonly ConcurrentQueue<StreamIncident> _resumes = new();
    private readonly ConcurrentQueue<CountdownCall> _countdowns = new();
    private int _nextId;

    /// <summary>Every call finished so far.</summary>
    public IReadOnlyCollection<Call> Calls => _calls;

    /// <summary>When a legacy session was found gone (404), and through which gateway.</summary>
    public IReadOnlyCollection<(TimeSpan At, int Gateway)> SessionsLost => _sessionsLost;

    /// <summary>When a legacy session's GET stream ended or was cut (and was opened again).</summary>
    public IReadOnlyCollection<(TimeSpan At, int Gateway)> StreamCuts => _streamCuts;

    /// <summary>Every legacy <c>countdown</c> call finished so far (those the run's end cut short are left out).</summary>
    public IReadOnlyCollection<CountdownCall> Countdowns => _countdowns;

    /// <summary>What happened to the load's streams: each resumption, and (once the load has stopped) each event lost, duplicated or missed.</summary>
    public List<StreamIncident> StreamIncidents() => [.. _resumes, .. _sequences.SelectMany(s => s.Incidents())];

    /// <summary>Runs the load until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop)
    {
        var listenRuns = new TickerRuns();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return Task.WhenAll(topology.Gateways.SelectMany((endpoint, i) =>
            Enumerable.Range(0, CurrentClientsPerGateway).Select(_ => CurrentClientAsync(endpoint, i + 1, stop))
                .Concat(Enumerable.Range(0, ListenStreamsPerGateway).Select(_ => ListenAsync(endpoint, listenRuns, listening, stop)))
                .Concat(Enumerable.Range(1, LegacySessionsPerGateway).Select(replica => LegacyClientAsync(endpoint, i + 1, replica, stop))))
            .Append(ListenTickersAsync(listenRuns, listening.Task, stop)));
    }

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

    private async Task LegacyClientAsync(Uri endpoint, int gateway, int replica, CancellationToken stop)
    {
        string? sessionId = null;
        CancellationTokenSource? session = null;
        var streams = Task.CompletedTask;
        var replacement = false;
        await PacedAsync(s_legacyPeriod, stop, async () =>
        {
            if (sessionId is null)
            {
                // The first session is placed on its replica; a replacement goes where the gateway sends it.
                sessionId = replacement ? (await StartSessionAsync(endpoint, stop)).SessionId : await StartSessionOnAsync(endpoint, replica, stop);
                if (sessionId is not null)
                {
                    session = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    streams = LegacyStreamsAsync(endpoint, gateway, sessionId, session.Token);
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
                (sessionId, replacement) = (null, true);
                await session!.CancelAsync();
                await streams;
                session.Dispose();
                session = null;
            }
        });
        if (session is not null)
        {
            await session.CancelAsync();
            await streams;
            session.Dispose();
        }
    }

    /// <summary>
    /// Starts a legacy session on replica <paramref name="replica"/>: sessions are started (and the misplaced ones
    /// deleted) until the gateway puts one there, or a few tries have passed.
    /// </summary>
    private async Task<string?> StartSessionOnAsync(Uri endpoint, int replica, CancellationToken stop)
    {
        string? sessionId = null;
        for (var tries = 0; tries < PlacementTries && !stop.IsCancellationRequested; tries++)
        {
            (_, sessionId) = await StartSessionAsync(endpoint, stop);
            if (sessionId is null)
            {
                continue;
            }
            var ping = Request("tools/call", new JsonObject { ["name"] = "ping", ["arguments"] = new JsonObject() });
            var (_, _, instance) = await SendAsync(LegacyPost(endpoint, ping, sessionId), stop);
            if (instance == replica || tries == PlacementTries - 1)
            {
                return sessionId;
            }
            await EndSessionAsync(endpoint, sessionId, stop);
        }
        return sessionId;
    }

    /// <summary>Ends a legacy session with DELETE; a failure leaves it to expire when idle.</summary>
    private async Task EndSessionAsync(Uri endpoint, string sessionId, CancellationToken stop)
    {
        try
        {
            using var delete = SessionRequest(HttpMethod.Delete, endpoint, sessionId);
            using var response = await _http.SendAsync(delete, stop);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !stop.IsCancellationRequested)
        {
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
        catch (JsonException)
        {
            return (Outcomes.Other, null, null);
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

    /// <summary>A request in a legacy session that carries no body: its GET stream, a resumption, its end.</summary>
    private static HttpRequestMessage SessionRequest(HttpMethod method, Uri endpoint, string sessionId)
    {
        var request = new HttpRequestMessage(method, endpoint);
        request.Headers.Add(McpHeaders.SessionId, sessionId);
        request.Headers.Add(McpHeaders.ProtocolVersion, RawMcp.Legacy);
        return request;
    }

    private static HttpClient CreateClient(string apiKey)
    {
        // No cookies: the gateways route by store-backed sessions here, not by the affinity cookie. Calls time out on
        // their own (s_callTimeout); the streams stay open as long as the run.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    [GeneratedRegex(@"instance=(\d+)")]
    private static partial Regex PongInstance();

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
