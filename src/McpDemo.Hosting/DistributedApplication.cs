using System.Diagnostics;
using System.Runtime.InteropServices;
using McpDemo.Dashboard;
using McpDemo.Hosting.ApplicationModel;
using McpDemo.Hosting.Console;
using McpDemo.Hosting.Dashboard;
using McpDemo.Hosting.Orchestration;

namespace McpDemo.Hosting;

/// <summary>
/// A built application: its model, run locally as processes. <see cref="Run"/> is what an AppHost
/// calls; tests call <see cref="StartAsync"/> and <see cref="StopAsync"/> and read the replicas.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    private readonly Orchestrator _orchestrator;
    private readonly ConsoleReporter? _reporter;
    private readonly OrchestratorResourceState _resourceState;

    internal DistributedApplication(DistributedApplicationModel model, DistributedApplicationOptions options)
    {
        Model = model;
        Options = options;
        _orchestrator = new Orchestrator(model, options);
        _orchestrator.ReplicaChanged += snapshot => ReplicaChanged?.Invoke(snapshot);
        _resourceState = new OrchestratorResourceState(model, _orchestrator);
        if (options.ConsoleOutput is { } output)
        {
            _reporter = new ConsoleReporter(output, model, options);
            _orchestrator.OutputReceived += _reporter.OnOutput;
            _orchestrator.ReplicaChanged += _reporter.OnChanged;
        }
    }

    /// <summary>Raised whenever a replica changes state.</summary>
    public event Action<ReplicaSnapshot>? ReplicaChanged;

    /// <summary>The declared resources.</summary>
    public DistributedApplicationModel Model { get; }

    /// <summary>How the application runs.</summary>
    public DistributedApplicationOptions Options { get; }

    /// <summary>The running dashboard, once started and unless <see cref="DistributedApplicationOptions.DashboardUrl"/> is null.</summary>
    public RunningDashboard? Dashboard { get; private set; }

    /// <summary>Where the services export telemetry: the user's own OTLP endpoint, else the dashboard's receiver; null when neither.</summary>
    public string? OtlpEndpoint => Options.OtlpEndpoint ?? Dashboard?.OtlpUrl.ToString().TrimEnd('/');

    /// <summary>Every replica's current state, resources in declaration order.</summary>
    public IReadOnlyList<ReplicaSnapshot> Replicas => [.. _orchestrator.Runners.Select(r => r.Snapshot)];

    /// <summary>Starts declaring an application with default options, as an AppHost's Program.cs does.</summary>
    public static DistributedApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new DistributedApplicationOptions(), args);

    /// <summary>Starts declaring an application with the given options, e.g. quiet and with short timeouts for tests.</summary>
    public static DistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options, string[]? args = null) =>
        new(options, args ?? []);

    /// <summary>The replicas of one resource.</summary>
    public IReadOnlyList<ReplicaSnapshot> GetReplicas(string resourceName) =>
        [.. Replicas.Where(r => r.ResourceName == Model[resourceName].Name)];

    /// <summary>The URL of endpoint <paramref name="endpointName"/> of replica <paramref name="replicaIndex"/> (0-based) of a resource.</summary>
    public Uri GetEndpoint(string resourceName, int replicaIndex = 0, string endpointName = "http") =>
        GetReplicas(resourceName)[replicaIndex].Endpoints[endpointName];

    /// <summary>The most recent output lines (stdout and stderr) of a replica, e.g. <c>GetOutput("server-2")</c>.</summary>
    public IReadOnlyList<string> GetOutput(string replicaId) =>
        _orchestrator.Runners.FirstOrDefault(r => r.Snapshot.ReplicaId == replicaId)?.Output.Entries
        ?? throw new KeyNotFoundException($"No replica '{replicaId}'.");

    /// <summary>Waits until replica <paramref name="replicaId"/> satisfies <paramref name="condition"/>, and returns that snapshot.</summary>
    public async Task<ReplicaSnapshot> WaitForReplicaAsync(string replicaId, Func<ReplicaSnapshot, bool> condition, CancellationToken cancellationToken = default)
    {
        var reached = new TaskCompletionSource<ReplicaSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(ReplicaSnapshot snapshot)
        {
            if (snapshot.ReplicaId == replicaId && condition(snapshot))
            {
                reached.TrySetResult(snapshot);
            }
        }
        ReplicaChanged += Check;
        try
        {
            foreach (var snapshot in Replicas)
            {
                Check(snapshot);
            }
            return await reached.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            ReplicaChanged -= Check;
        }
    }

    /// <summary>
    /// Starts the dashboard (so it receives telemetry from the first moment), then every resource in
    /// dependency order; completes once each runs healthy or has finished.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Options.DashboardUrl is { } dashboardUrl && Dashboard is null)
        {
            Dashboard = await StartDashboardAsync(dashboardUrl, cancellationToken);
        }
        await _orchestrator.StartAsync(OtlpEndpoint, cancellationToken);
    }

    /// <summary>Stops every replica gracefully, dependents first, and leaves no process behind.</summary>
    public Task StopAsync() => _orchestrator.StopAsync();

    /// <summary>Runs until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>, then stops everything.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void RequestShutdown(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestShutdown);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestShutdown);
        try
        {
            await StartWithProgressAsync(shutdown.Token);
            _reporter?.WriteSummary(Replicas, Dashboard?.DashboardUrl, OtlpEndpoint);
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
        }
        finally
        {
            if (Replicas.Count > 0)
            {
                _reporter?.WriteAppHost("stopping...");
            }
            await StopAsync();
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops everything.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _orchestrator.Dispose();
        // Last, so it receives what the services flush as they stop.
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }
    }

    private async Task<RunningDashboard> StartDashboardAsync(string dashboardUrl, CancellationToken cancellationToken)
    {
        var options = new DashboardOptions { DashboardUrl = dashboardUrl, OtlpUrl = Options.DashboardOtlpUrl, ExternalOtlpEndpoint = Options.OtlpEndpoint };
        try
        {
            return await DashboardHost.StartAsync(options, _resourceState, cancellationToken);
        }
        catch (IOException e)
        {
            throw new DistributedApplicationException($"The dashboard cannot start on {dashboardUrl} / {Options.DashboardOtlpUrl}: {e.Message}", e);
        }
    }

    private async Task StartWithProgressAsync(CancellationToken cancellationToken)
    {
        var started = StartAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        while (await Task.WhenAny(started, Task.Delay(ProgressInterval, cancellationToken)) != started)
        {
            _reporter?.WriteProgress(Replicas, clock.Elapsed);
        }
        await started;
    }
}
