using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Orchestration;

/// <summary>
/// Runs the model as local processes: plans ports and environments, starts resources as soon as
/// what they wait for is healthy, and stops them in reverse dependency order.
/// </summary>
internal sealed class Orchestrator : IDisposable
{
    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationOptions _options;
    private readonly HttpHealthProbe _probe = new();
    private readonly Dictionary<Resource, IReadOnlyList<ReplicaRunner>> _runners = [];
    private readonly Lazy<Task> _stopped;

    public Orchestrator(DistributedApplicationModel model, DistributedApplicationOptions options)
    {
        _model = model;
        _options = options;
        _stopped = new Lazy<Task>(StopInReverseOrderAsync);
    }

    public event Action<ReplicaSnapshot>? ReplicaChanged;

    public event Action<ReplicaOutputLine>? OutputReceived;

    public IEnumerable<ReplicaRunner> Runners => _model.Resources.Where(_runners.ContainsKey).SelectMany(r => _runners[r]);

    /// <summary>Starts every resource, exporting telemetry to <paramref name="otlpEndpoint"/>, and completes once each is running healthy or finished.</summary>
    public async Task StartAsync(string? otlpEndpoint, CancellationToken cancellationToken)
    {
        if (_runners.Count > 0)
        {
            throw new InvalidOperationException("The application was already started.");
        }
        var plans = LaunchPlanner.Plan(_model, _options, otlpEndpoint);
        var readiness = new Dictionary<Resource, Task>();
        foreach (var resource in DependencyOrder.Sort(_model.Resources).Where(plans.ContainsKey))
        {
            var runners = plans[resource].Select(plan => new ReplicaRunner(plan, _options, _probe, OnChanged, OnOutput)).ToList();
            _runners[resource] = runners;
            readiness[resource] = Task.WhenAll(runners.Select(r => r.Ready));
            var dependenciesReady = Task.WhenAll(resource.WaitFors.Select(w => readiness[w]));
            foreach (var runner in runners)
            {
                OnChanged(runner.Snapshot);
                runner.Start(dependenciesReady);
            }
        }
        try
        {
            await Task.WhenAll(readiness.Values).WaitAsync(_options.StartupTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            var late = Runners.Select(r => r.Snapshot).Where(s => s.State is ReplicaState.Waiting or ReplicaState.Starting or ReplicaState.Restarting);
            throw new DistributedApplicationException(
                $"Not ready after {_options.StartupTimeout.TotalSeconds:0}s: {string.Join(", ", late.Select(s => $"{s.ReplicaId} ({s.State})"))}.");
        }
    }

    /// <summary>Stops every replica, dependents before what they depend on. Safe to call more than once.</summary>
    public Task StopAsync() => _stopped.Value;

    public void Dispose() => _probe.Dispose();

    private async Task StopInReverseOrderAsync()
    {
        var stopped = new Dictionary<Resource, Task>();
        foreach (var resource in DependencyOrder.Sort(_model.Resources).Reverse().Where(_runners.ContainsKey))
        {
            var dependentsStopped = DependencyOrder.DependentsOf(resource, _model.Resources).Where(stopped.ContainsKey).Select(d => stopped[d]);
            stopped[resource] = StopResourceAsync(_runners[resource], Task.WhenAll(dependentsStopped));
        }
        await Task.WhenAll(stopped.Values);
    }

    private static async Task StopResourceAsync(IReadOnlyList<ReplicaRunner> runners, Task dependentsStopped)
    {
        await dependentsStopped;
        await Task.WhenAll(runners.Select(r => r.StopAsync()));
    }

    private void OnChanged(ReplicaSnapshot snapshot) => ReplicaChanged?.Invoke(snapshot);

    private void OnOutput(ReplicaOutputLine line) => OutputReceived?.Invoke(line);
}
