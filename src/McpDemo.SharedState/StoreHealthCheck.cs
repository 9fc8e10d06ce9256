using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace McpDemo.SharedState;

/// <summary>
/// Reports Degraded, not Unhealthy, while the store is away: the replica still serves stateless traffic, so a load
/// balancer must keep sending it requests, and it recovers by itself when the store returns.
/// </summary>
public sealed class StoreHealthCheck(StoreConnection store) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "store";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!store.IsConnected)
        {
            return HealthCheckResult.Degraded("The shared state store is unreachable: legacy sessions cannot start or move between replicas.");
        }
        try
        {
            var latency = await store.Multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"The shared state store answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("The shared state store did not answer a PING.", e);
        }
    }
}
