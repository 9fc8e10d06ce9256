using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace McpDemo.SharedState;

/// <summary>
/// Reports Degraded, not Unhealthy, while the store is away or still connecting at start: the replica serves
/// 2026-07-28 traffic without it (ping, whoami, countdown, tools/list), so a load balancer (or the Lambda Web Adapter's
/// readiness check) must send it requests, and it recovers by itself when the store is reachable. What waits for the
/// store: legacy sessions (initialize, every request with an <c>Mcp-Session-Id</c>, GET streams and their resumption),
/// MRTR <c>requestState</c> (confirm_action, through the Data Protection key ring) and notifications from other replicas
/// (<c>subscriptions/listen</c>, start_ticker).
/// </summary>
public sealed class StoreHealthCheck(StoreConnection store) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "store";

    /// <summary>
    /// How long a PING may take before the store counts as not answering. Well under the gateways' probe timeout (1 s):
    /// a paused store must make /health say Degraded, not make every replica's probe time out and leave the rotation.
    /// </summary>
    public static readonly TimeSpan PingPatience = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.IsConnecting)
        {
            return HealthCheckResult.Degraded("Connecting to the shared state store: legacy sessions, MRTR state and other replicas' notifications wait for it.");
        }
        if (!store.IsConnected)
        {
            return HealthCheckResult.Degraded("The shared state store is unreachable: legacy sessions cannot start or move between replicas.");
        }
        try
        {
            var latency = await store.Multiplexer.GetDatabase().PingAsync().WaitAsync(PingPatience, cancellationToken);
            return HealthCheckResult.Healthy($"The shared state store answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("The shared state store did not answer a PING.", e);
        }
    }
}
