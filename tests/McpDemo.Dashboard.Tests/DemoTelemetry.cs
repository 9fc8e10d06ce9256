using System.Diagnostics;
using System.Diagnostics.Metrics;
using McpDemo.Dashboard.Resources;
using Microsoft.Extensions.Logging;

namespace McpDemo.Dashboard.Tests;

/// <summary>
/// What a small McpDemo run sends: one tool call crossing client, gateway and a server replica,
/// with logs inside it and request metrics from two replicas; plus the resources the AppHost would report.
/// </summary>
internal static class DemoTelemetry
{
    public static readonly string[] Services = ["client", "gateway", "server"];

    // The bucket advice ASP.NET Core gives its request duration histogram.
    private static readonly InstrumentAdvice<double> s_aspNetCoreDurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    };

    /// <summary>Exports the call's spans, logs and metrics and returns its trace id.</summary>
    public static string Send(Uri otlpUrl, string rootName = "tools/call ping")
    {
        var t0 = DateTimeOffset.UtcNow.AddMilliseconds(-100);
        string traceId;
        using (var client = new OtlpTestService(otlpUrl, "client", "client-1"))
        using (var gateway = new OtlpTestService(otlpUrl, "gateway", "gateway-1"))
        using (var server = new OtlpTestService(otlpUrl, "server", "server-1"))
        using (var server2 = new OtlpTestService(otlpUrl, "server", "server-2"))
        {
            using var call = Span(client, rootName, ActivityKind.Client, default, t0, 0, 42, ("mcp.method.name", "tools/call"), ("gen_ai.tool.name", "ping"));
            traceId = call.TraceId.ToHexString();
            using (var inbound = Span(gateway, "POST /mcp", ActivityKind.Server, call.Context, t0, 3, 40, ("http.request.method", "POST"), ("url.path", "/mcp")))
            using (var proxy = Span(gateway, "POST", ActivityKind.Client, inbound.Context, t0, 5, 38, ("server.address", "localhost"), ("server.port", 5101)))
            {
                gateway.CreateLogger("McpDemo.Gateway").LogInformation("Proxying {Method} to replica {Replica}", "tools/call", "server-1");
                using var request = Span(server, "POST /mcp", ActivityKind.Server, proxy.Context, t0, 8, 36, ("http.route", "/mcp"), ("http.response.status_code", 200));
                using var tool = Span(server, "tools/call ping", ActivityKind.Internal, request.Context, t0, 10, 30, ("mcp.session.id", "7f3a"));
                var log = server.CreateLogger("McpDemo.Server.Tools");
                log.LogInformation("Ping answered by {Instance}", "server-1");
                log.LogWarning("Slow tool call: {DelayMs} ms", 20);
            }

            foreach (var (replica, sessions) in new[] { (server, 3), (server2, 5) })
            {
                var duration = replica.Meter.CreateHistogram("http.server.request.duration", "s", null, null, s_aspNetCoreDurationBuckets);
                foreach (var seconds in new[] { 0.002, 0.004, 0.008, 0.015, 0.030, 0.120 })
                {
                    duration.Record(seconds * sessions / 3, new KeyValuePair<string, object?>("http.route", "/mcp"));
                }
                replica.Meter.CreateUpDownCounter<int>("mcp.server.sessions.active", "{session}").Add(sessions);
            }
        }
        return traceId;
    }

    public static InMemoryResourceStateSource Resources()
    {
        var started = DateTimeOffset.UtcNow.AddMinutes(-3);
        var resources = new InMemoryResourceStateSource
        {
            Resources =
            [
                new ResourceSnapshot("gateway", "Project", [Replica("gateway-1", 8080, started)]),
                new ResourceSnapshot("server", "Project",
                [
                    Replica("server-1", 5101, started),
                    Replica("server-2", 5102, started) with { Restarts = 1 },
                    Replica("server-3", 5103, started) with { State = "Starting", Health = ResourceHealth.Unknown },
                ]),
                new ResourceSnapshot("client", "Project", [Replica("client-1", null, started) with { State = "Exited", Health = ResourceHealth.Unknown, Detail = "exit code 0" }]),
            ],
        };
        resources.WriteLine("server", "server-1", "info: Now listening on: http://127.0.0.1:5101");
        resources.WriteLine("server", "server-2", "warn: Replica restarted after crash", isError: true);
        resources.WriteLine("gateway", "gateway-1", "info: Gateway listening on http://localhost:8080");
        return resources;
    }

    private static ReplicaSnapshot Replica(string id, int? port, DateTimeOffset started) => new()
    {
        InstanceId = id,
        State = "Running",
        Health = ResourceHealth.Healthy,
        Endpoints = port is null ? [] : [$"http://localhost:{port}"],
        ProcessId = 4000 + (port ?? 0) % 100,
        StartedAt = started,
    };

    private static Activity Span(OtlpTestService service, string name, ActivityKind kind, ActivityContext parent, DateTimeOffset t0, double startMs, double endMs, params (string Key, object Value)[] tags)
    {
        var activity = service.ActivitySource.StartActivity(name, kind, parent, startTime: t0.AddMilliseconds(startMs))
            ?? throw new InvalidOperationException($"No listener for {service.ActivitySource.Name}.");
        foreach (var (key, value) in tags)
        {
            activity.SetTag(key, value);
        }
        activity.SetEndTime(t0.AddMilliseconds(endMs).UtcDateTime);
        return activity;
    }
}
