using McpDemo.Testing;

namespace McpDemo.Gateway.Tests.Conformance;

/// <summary>
/// Three conformance hosts (<c>tests/McpDemo.ConformanceServer</c>) as real processes behind a real gateway process:
/// the target the official suites run against to show the gateway loses nothing of what one replica passes.
/// </summary>
internal sealed class ConformanceTopology : IRunningMcpServer
{
    private const int ReplicaCount = 3;
    private readonly IReadOnlyList<McpServerProcess> _replicas;
    private readonly GatewayProcess _gateway;

    private ConformanceTopology(IReadOnlyList<McpServerProcess> replicas, GatewayProcess gateway)
    {
        _replicas = replicas;
        _gateway = gateway;
    }

    /// <inheritdoc />
    public Uri McpEndpoint => _gateway.McpEndpoint;

    /// <inheritdoc />
    public string Output =>
        $"--- gateway ---\n{_gateway.Output}\n" +
        string.Concat(_replicas.Select((replica, i) => $"--- replica {i} ---\n{replica.Output}\n"));

    /// <summary>Starts the replicas in <paramref name="sessionMode"/> and the gateway (as shipped) in front of them.</summary>
    public static async Task<ConformanceTopology> StartAsync(string sessionMode)
    {
        var replicas = new List<McpServerProcess>();
        try
        {
            for (var i = 0; i < ReplicaCount; i++)
            {
                replicas.Add(await McpServerProcess.StartAsync("tests/McpDemo.ConformanceServer", sessionMode));
            }
            var gateway = await GatewayProcess.StartAsync(replicas.Select(replica => replica.BaseAddress.ToString()).ToList(), []);
            return new ConformanceTopology(replicas, gateway);
        }
        catch
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
