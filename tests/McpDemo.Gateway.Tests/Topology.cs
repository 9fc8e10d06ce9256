namespace McpDemo.Gateway.Tests;

/// <summary>Fake replicas named <c>replica-0</c>, <c>replica-1</c>, ... behind a real gateway process.</summary>
internal sealed class Topology : IAsyncDisposable
{
    private readonly List<FakeReplica> _replicas;

    private Topology(List<FakeReplica> replicas, GatewayProcess gateway)
    {
        _replicas = replicas;
        Gateway = gateway;
    }

    /// <summary>The gateway in front of the replicas.</summary>
    public GatewayProcess Gateway { get; }

    /// <summary>The replicas, in the order the gateway was given them.</summary>
    public IReadOnlyList<FakeReplica> Replicas => _replicas;

    /// <summary>
    /// Starts <paramref name="replicaCount"/> replicas and a gateway that knows them as <paramref name="service"/>,
    /// with the given <c>--Key=Value</c> settings.
    /// </summary>
    public static async Task<Topology> StartAsync(
        int replicaCount, TimeSpan? replicaPause = null, string service = "server", params string[] gatewaySettings)
    {
        var replicas = new List<FakeReplica>();
        for (var i = 0; i < replicaCount; i++)
        {
            replicas.Add(await FakeReplica.StartAsync($"replica-{i}", pause: replicaPause));
        }
        return new Topology(replicas, await GatewayProcess.StartAsync(replicas, gatewaySettings, service));
    }

    /// <summary>Stops a replica abruptly, as a crash would.</summary>
    public ValueTask KillAsync(int index) => _replicas[index].DisposeAsync();

    /// <summary>Starts a killed replica again on its old port.</summary>
    public async Task RestartAsync(int index)
    {
        var old = _replicas[index];
        _replicas[index] = await FakeReplica.StartAsync(old.InstanceId, old.Port, old.Pause);
    }

    /// <summary>The index of the replica with <paramref name="instanceId"/>.</summary>
    public int IndexOf(string instanceId) => _replicas.FindIndex(replica => replica.InstanceId == instanceId);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
