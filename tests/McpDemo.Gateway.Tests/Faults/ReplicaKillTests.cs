using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests.Faults;

/// <summary>
/// Real McpDemo.Server replicas behind the gateway under steady load, one of them killed with SIGKILL: a call that
/// starts after the kill never fails, whatever kept-alive connection the gateway had to the dead replica.
/// </summary>
public sealed class ReplicaKillTests
{
    private const int Workers = 8;

    [Fact]
    public async Task CallsStartedAfterASigkill_AllSucceed_OnTheOtherReplica()
    {
        await using var victim = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless");
        await using var survivor = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateless");
        await using var gateway = await GatewayProcess.StartAsync(
            [victim.BaseAddress.GetLeftPart(UriPartial.Authority), survivor.BaseAddress.GetLeftPart(UriPartial.Authority)],
            // The production probe period, so the kill is met by the request path, not by a probe.
            [$"{GatewayProcess.Cluster}:HealthCheck:Active:Interval=00:00:02"]);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers }) { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        var killedAtTicks = long.MaxValue;
        var failures = new ConcurrentBag<string>();
        var calls = 0;
        using var stop = new CancellationTokenSource();

        async Task WorkAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var outcome = await CallAsync(client, gateway.McpEndpoint);
                Interlocked.Increment(ref calls);
                var killedAt = Interlocked.Read(ref killedAtTicks);
                if (outcome is not null && started.Ticks > killedAt)
                {
                    failures.Add($"{outcome} {(started.Ticks - killedAt) / TimeSpan.TicksPerMillisecond} ms after the kill");
                }
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)).ToList();
        // Every worker has kept-alive connections through the gateway to both replicas before the kill.
        while (Volatile.Read(ref calls) < 200)
        {
            await Task.Delay(20);
        }
        var before = Volatile.Read(ref calls);
        await victim.Process.SignalAsync("KILL");
        Interlocked.Exchange(ref killedAtTicks, clock.Elapsed.Ticks);
        while (Volatile.Read(ref calls) < before + 400)
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(failures.IsEmpty, $"{failures.Count} calls started after the kill failed: {string.Join(", ", failures.Take(10))}\n{gateway.Output}");
    }

    /// <summary>Calls <c>ping</c>; returns how it failed, or <see langword="null"/> when it was answered.</summary>
    private static async Task<string?> CallAsync(HttpClient client, Uri endpoint)
    {
        try
        {
            using var request = RawMcp.CallTool(endpoint, "ping", new JsonObject());
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e)
        {
            // The gateway cut the answer after it had started: the replica died in the middle of it.
            return $"cut ({e.HttpRequestError})";
        }
    }
}
