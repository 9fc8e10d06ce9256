using McpDemo.Hosting;
using McpDemo.Hosting.ApplicationModel;
using McpDemo.Testing;

namespace McpDemo.Topology.Tests;

/// <summary>
/// The McpDemo topology as the AppHost declares it (server replicas behind the gateway, and optionally the
/// demo client), run in the test process by the real orchestrator with every port free, the way Aspire's
/// testing builder runs an AppHost's model.
/// </summary>
internal sealed class McpTopology : IRunningMcpServer
{
    /// <summary>A guard so a broken topology fails the test instead of hanging it; generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly StringWriter _console;

    private McpTopology(DistributedApplication app, StringWriter console)
    {
        App = app;
        _console = console;
    }

    /// <summary>The running application: replicas, their states and output.</summary>
    public DistributedApplication App { get; }

    /// <inheritdoc />
    public Uri McpEndpoint => new(App.GetEndpoint("gateway"), "/mcp");

    /// <summary>The orchestrator's console: every child's lines prefixed by its replica, and lifecycle events.</summary>
    public string Output
    {
        get
        {
            lock (_console)
            {
                return _console.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="replicas"/> replicas of <typeparamref name="TServer"/> in <paramref name="sessionMode"/>
    /// behind the gateway (with extra <paramref name="gatewaySettings"/>, as environment variables), plus the demo
    /// client when <paramref name="withDemoClient"/>; returns once all are healthy.
    /// </summary>
    public static async Task<McpTopology> StartAsync<TServer>(
        string sessionMode, int replicas = 3, bool withDemoClient = false, IReadOnlyDictionary<string, string>? gatewaySettings = null)
        where TServer : IProjectMetadata, new()
    {
        var console = new StringWriter();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            ConsoleOutput = TextWriter.Synchronized(console),
            UseColors = false,
            DashboardUrl = null,
            // Telemetry goes to a port nobody listens on, never to a developer's dashboard.
            OtlpEndpoint = $"http://127.0.0.1:{FreePort.Next()}",
            RestartDelay = TimeSpan.FromMilliseconds(500),
            StartupTimeout = Patience,
        });

        var server = builder.AddProject<TServer>("server")
            .WithReplicas(replicas)
            .WithArgs($"--Mcp:SessionMode={sessionMode}")
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");
        var gateway = builder.AddProject<Projects.McpDemo_Gateway>("gateway")
            .WithHttpEndpoint()
            .WithEnvironment("Gateway__Cookie__Enabled", sessionMode == "Stateful" ? "true" : "false")
            .WithHttpHealthCheck("/health")
            .WithReference(server)
            .WaitFor(server);
        foreach (var (name, value) in gatewaySettings ?? new Dictionary<string, string>())
        {
            gateway.WithEnvironment(name, value);
        }
        if (withDemoClient)
        {
            builder.AddProject<Projects.McpDemo_Client>("client")
                .WithReference(gateway)
                .WaitFor(gateway);
        }

        var topology = new McpTopology(builder.Build(), console);
        try
        {
            await topology.App.StartAsync();
        }
        catch (Exception e)
        {
            var output = topology.Output;
            await topology.DisposeAsync();
            throw new InvalidOperationException($"The topology did not start: {e.Message}\n{output}", e);
        }
        return topology;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
