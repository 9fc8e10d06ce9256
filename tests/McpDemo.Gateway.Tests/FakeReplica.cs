using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using McpDemo.Testing;

namespace McpDemo.Gateway.Tests;

/// <summary>
/// A small Kestrel app on a free loopback port that behaves like an MCP replica as far as the gateway can tell:
/// POST /mcp answers with its instance id and mints <c>Mcp-Session-Id</c> on initialize (404 for sessions it does
/// not know), GET /mcp is an SSE stream, /health answers 200. Methods <c>stream</c>, <c>subscriptions/listen</c> and
/// <c>slow</c> exercise streaming and timeouts.
/// </summary>
internal sealed class FakeReplica : IAsyncDisposable
{
    private readonly WebApplication _app;
    private const string BodyLengthKey = "body-length";
    private readonly ConcurrentDictionary<string, bool> _sessions = new();
    private bool _stopped;
    private int _mcpRequestCount;

    private FakeReplica(string instanceId, int port)
    {
        InstanceId = instanceId;
        Port = port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/mcp"))
            {
                Interlocked.Increment(ref _mcpRequestCount);
            }
            return next(context);
        });
        _app.MapGet("/health", () => "Healthy");
        _app.MapPost("/mcp", PostAsync);
        _app.MapGet("/mcp", GetStreamAsync);
        _app.MapDelete("/mcp", Delete);
    }

    /// <summary>The id this replica reports in every answer.</summary>
    public string InstanceId { get; }

    /// <summary>How many requests for <c>/mcp</c> (any method) reached this replica, so tests can tell what the gateway forwarded.</summary>
    public int McpRequestCount => Volatile.Read(ref _mcpRequestCount);

    /// <summary>The loopback port it listens on (kept across a restart).</summary>
    public int Port { get; }

    /// <summary>The address the gateway is given for this replica.</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>How long <c>slow</c> requests wait before answering, and GET streams stay quiet between events.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Completing this lets held streams go on: a <c>stream</c> response sends its last event, a GET stream
    /// (whose headers went out at once) its first.
    /// </summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts a replica on <paramref name="port"/> (a free one by default).</summary>
    public static async Task<FakeReplica> StartAsync(string instanceId, int? port = null, TimeSpan? pause = null)
    {
        var replica = new FakeReplica(instanceId, port ?? FreePort.Next()) { Pause = pause ?? TimeSpan.FromSeconds(3) };
        await replica._app.StartAsync();
        return replica;
    }

    /// <summary>Stops listening and drops open connections, as a crashed replica would.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        using var stopNow = new CancellationTokenSource(TimeSpan.Zero);
        await _app.StopAsync(stopNow.Token);
        await _app.DisposeAsync();
    }

    private async Task PostAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Items[BodyLengthKey] = body.Length;
        var method = JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("method").GetString();
        var sessionId = context.Request.Headers[McpHeaders.SessionId].ToString();
        if (method == "initialize")
        {
            sessionId = Guid.NewGuid().ToString("N");
            _sessions[sessionId] = true;
        }
        else if (sessionId.Length > 0 && !_sessions.ContainsKey(sessionId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(Reply(context, sessionId: null));
            return;
        }

        if (sessionId.Length > 0)
        {
            context.Response.Headers[McpHeaders.SessionId] = sessionId;
        }
        context.Response.Headers[McpHeaders.ProtocolVersion] = context.Request.Headers[McpHeaders.ProtocolVersion];
        switch (method)
        {
            case "stream":
                await WriteEventAsync(context, "first");
                await Release.Task.WaitAsync(context.RequestAborted);
                await WriteEventAsync(context, "last");
                break;
            case "subscriptions/listen":
                await WriteEventAsync(context, "listening");
                await Task.Delay(Pause, context.RequestAborted);
                await WriteEventAsync(context, "later");
                break;
            case "slow":
                await Task.Delay(Pause, context.RequestAborted);
                await context.Response.WriteAsJsonAsync(Reply(context, sessionId));
                break;
            default:
                await context.Response.WriteAsJsonAsync(Reply(context, sessionId));
                break;
        }
    }

    private async Task GetStreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await Release.Task.WaitAsync(context.RequestAborted);
        await WriteEventAsync(context, $"open {InstanceId} last-event-id={context.Request.Headers[McpHeaders.LastEventId]}");
        await Task.Delay(Pause, context.RequestAborted);
        await WriteEventAsync(context, "later");
    }

    // Acknowledges without ending the session, so tests can tell the gateway forgetting its pin on DELETE apart
    // from it forgetting on the 404 a replica gives for an ended session.
    private static IResult Delete() => Results.Ok();

    private ReplicaReply Reply(HttpContext context, string? sessionId) => new(
        InstanceId,
        sessionId,
        context.Request.Headers[McpHeaders.ProtocolVersion].ToString(),
        context.Request.Headers["traceparent"].ToString(),
        context.Items[BodyLengthKey] as long? ?? 0,
        context.Request.Headers
            .Where(header => header.Key.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        context.Request.Headers[McpHeaders.Method].ToString(),
        context.Request.Headers[McpHeaders.Name].ToString());

    private static async Task WriteEventAsync(HttpContext context, string data)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = "text/event-stream";
        }
        await context.Response.WriteAsync($"event: message\ndata: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
