using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using McpDemo.Testing;

namespace McpDemo.Topology.Tests;

/// <summary>
/// The real AppHost (<c>Projects.McpDemo_AppHost</c>) started once per test class by Aspire.Hosting.Testing, with
/// the (first) gateway on a free port and no auth, and waited for until every server replica and every gateway are healthy.
/// </summary>
public abstract class RunningAppHost(params string[] args) : IAsyncLifetime
{
    /// <summary>A guard so a broken topology fails the test instead of hanging it; generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>The replicas the AppHost runs by default.</summary>
    public static readonly string[] Servers = ["server-1", "server-2", "server-3"];

    private DistributedApplication? _app;

    /// <summary>The gateway resources the AppHost runs: <c>gateway</c>, or <c>gateway-1</c>..<c>gateway-N</c> with <c>--gateways N</c>.</summary>
    public virtual IReadOnlyList<string> Gateways { get; } = ["gateway"];

    /// <summary>The running app.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>The (first) gateway's port: a free one, never the 8080 a developer's AppHost uses.</summary>
    public int GatewayPort { get; } = FreePort.Next();

    /// <summary>The (first) gateway's MCP endpoint.</summary>
    public Uri McpEndpoint => new($"http://localhost:{GatewayPort.ToString(CultureInfo.InvariantCulture)}/mcp");

    /// <summary>Adds settings to the AppHost before it is built (the dashboard test turns the dashboard on).</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        // These tests are about replicas, sessions and gateways, and speak raw MCP without tokens: auth is off. The
        // OAuth topology has its own tests (tests/McpDemo.AppHost.Tests, OAuthTopologyTests).
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.McpDemo_AppHost>(
            [.. args, "--auth", "none", "--gateway-port", GatewayPort.ToString(CultureInfo.InvariantCulture)], timeout.Token);
        // The resource service listens even without a dashboard: a free port, not the launch profile's fixed one.
        builder.Configuration["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}";
        Configure(builder);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in Servers.Concat(Gateways))
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    /// <summary>The MCP endpoint of the gateway resource <paramref name="gateway"/>, wherever the AppHost put it.</summary>
    public Uri McpEndpointOf(string gateway) => new(App.GetEndpoint(gateway, "http"), "/mcp");

    /// <summary>The environment <paramref name="resource"/>'s process was started with.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentOf(string resource)
    {
        Assert.True(App.ResourceNotifications.TryGetCurrentState(resource, out var state), $"No resource {resource}.");
        return state.Snapshot.EnvironmentVariables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
    }

    /// <summary>Waits until the demo client has run, asserts it exited 0, and returns its console log.</summary>
    public async Task<IReadOnlyList<string>> SucceededClientLogAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var finished = await App.ResourceNotifications.WaitForResourceAsync(
            "client", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        var log = await App.LinesOfAsync("client");
        Assert.True(finished.Snapshot.ExitCode == 0, $"The demo client exited with {finished.Snapshot.ExitCode}:\n{string.Join('\n', log)}");
        return log;
    }


    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>The default topology: 3 stateless replicas behind the gateway, and the demo client.</summary>
public sealed class StatelessAppHost() : RunningAppHost();

/// <summary>3 stateful (legacy session) replicas behind the gateway.</summary>
public sealed class StatefulAppHost() : RunningAppHost("--mode", "stateful");

/// <summary>
/// 3 stateful replicas without the shared store (<c>--store none</c>), behind two gateways: each legacy session lives
/// on one replica, and both gateways must route it there.
/// </summary>
public sealed class TwoGatewaysWithoutStoreAppHost() : RunningAppHost("--mode", "stateful", "--store", "none", "--gateways", "2")
{
    public override IReadOnlyList<string> Gateways { get; } = ["gateway-1", "gateway-2"];
}
