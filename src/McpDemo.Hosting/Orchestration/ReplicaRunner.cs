using System.ComponentModel;
using System.Diagnostics;

namespace McpDemo.Hosting.Orchestration;

/// <summary>
/// Runs one replica for the life of the application: waits for its dependencies, starts the process,
/// waits for health and keeps checking it, restarts it with back-off when it crashes, and stops it gracefully.
/// </summary>
internal sealed class ReplicaRunner
{
    private readonly ReplicaPlan _plan;
    private readonly DistributedApplicationOptions _options;
    private readonly HttpHealthProbe _probe;
    private readonly RestartBackoff _backoff;
    private readonly Action<ReplicaSnapshot> _changed;
    private readonly Action<ReplicaOutputLine> _output;
    private readonly Uri? _healthUrl;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Lock _snapshotGate = new();
    private ChildProcess? _current;
    private Task _loop = Task.CompletedTask;

    public ReplicaRunner(ReplicaPlan plan, DistributedApplicationOptions options, HttpHealthProbe probe, Action<ReplicaSnapshot> changed, Action<ReplicaOutputLine> output)
    {
        _plan = plan;
        _options = options;
        _probe = probe;
        _backoff = new RestartBackoff(options.RestartDelay, options.MaxRestartDelay);
        _changed = changed;
        _output = output;
        _healthUrl = plan.Resource.HealthCheck is { } check ? new Uri(plan.Endpoints[check.EndpointName], check.Path) : null;
        Snapshot = new ReplicaSnapshot(plan.Resource.Name, plan.ReplicaId, ReplicaState.Waiting, plan.Endpoints);
    }

    public ReplicaSnapshot Snapshot { get; private set; }

    public BoundedLog<string> Output { get; } = new();

    /// <summary>Completes when the replica first runs healthy (or finishes); faults if it fails for good.</summary>
    public Task Ready => _ready.Task;

    public void Start(Task dependenciesReady) => _loop = RunAsync(dependenciesReady);

    public async Task StopAsync()
    {
        ChildProcess? child;
        lock (_gate)
        {
            _stopping.Cancel();
            child = _current;
        }
        if (child is not null && !child.Exited.IsCompleted)
        {
            Update(s => s with { State = ReplicaState.Stopping });
            await child.StopAsync(_options.ShutdownGracePeriod);
        }
        await _loop;
        _ready.TrySetCanceled();
        // A finished or failed replica keeps saying so: that is what happened to it.
        Update(s => s.State is ReplicaState.Finished or ReplicaState.Failed ? s : s with { State = ReplicaState.Stopped, ProcessId = null, Message = null });
    }

    private async Task RunAsync(Task dependenciesReady)
    {
        try
        {
            await dependenciesReady.WaitAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e)
        {
            Fail($"a resource it waits for failed: {e.Message}");
            return;
        }

        var consecutiveCrashes = 0;
        while (true)
        {
            ChildProcess child;
            lock (_gate)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }
                try
                {
                    child = ChildProcess.Start(_plan, OnLine);
                }
                catch (Exception e) when (e is Win32Exception or InvalidOperationException)
                {
                    Fail($"could not start '{_plan.FileName}': {e.Message}");
                    return;
                }
                _current = child;
            }
            using (child)
            {
                var startedAt = Stopwatch.GetTimestamp();
                Update(s => s with { State = ReplicaState.Starting, ProcessId = child.Id, Message = null, Healthy = null });
                using var watching = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                var watch = Task.CompletedTask;
                if (await BecameHealthyAsync(child))
                {
                    Update(s => s with { State = ReplicaState.Running, Healthy = _healthUrl is null ? null : true });
                    _ready.TrySetResult();
                    watch = WatchHealthAsync(child, watching.Token);
                }
                var exitCode = await child.Exited;
                await watching.CancelAsync();
                await watch;
                if (_stopping.IsCancellationRequested)
                {
                    Update(s => s with { ExitCode = exitCode });
                    return;
                }
                if (exitCode == 0)
                {
                    Update(s => s with { State = ReplicaState.Finished, ProcessId = null, ExitCode = 0 });
                    _ready.TrySetResult();
                    return;
                }
                consecutiveCrashes = Stopwatch.GetElapsedTime(startedAt) > _backoff.MaxDelay ? 1 : consecutiveCrashes + 1;
                var delay = _backoff.DelayFor(consecutiveCrashes);
                Update(s => s with
                {
                    State = ReplicaState.Restarting,
                    ProcessId = null,
                    ExitCode = exitCode,
                    RestartCount = s.RestartCount + 1,
                    RestartDelay = delay,
                    Message = $"exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#}s",
                });
            }
            try
            {
                await Task.Delay(Snapshot.RestartDelay!.Value, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> BecameHealthyAsync(ChildProcess child)
    {
        if (_healthUrl is not { } url)
        {
            return true;
        }
        try
        {
            return await _probe.WaitUntilHealthyAsync(url, child.Exited, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Repeats the health check of a running replica until it exits, and reports each change of its result.</summary>
    private async Task WatchHealthAsync(ChildProcess child, CancellationToken cancellationToken)
    {
        if (_healthUrl is not { } url)
        {
            return;
        }
        try
        {
            while (true)
            {
                await Task.Delay(_options.HealthCheckInterval, cancellationToken);
                var healthy = await _probe.IsHealthyAsync(url, cancellationToken);
                // A failed check from a process that is exiting is the exit's to report.
                if (healthy != Snapshot.Healthy && !child.Exited.IsCompleted)
                {
                    Update(s => s with { Healthy = healthy });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The process exited or the AppHost is stopping.
        }
    }

    private void Fail(string reason)
    {
        Update(s => s with { State = ReplicaState.Failed, ProcessId = null, Message = reason });
        _ready.TrySetException(new DistributedApplicationException($"{_plan.ReplicaId} failed: {reason}"));
    }

    private void OnLine(string text, bool isError)
    {
        Output.Add(text);
        _output(new ReplicaOutputLine(_plan.Resource.Name, _plan.ReplicaId, text, isError));
    }

    // The loop and StopAsync both change the snapshot; each change applies to the latest one, and
    // observers see the changes in the order they were made.
    private void Update(Func<ReplicaSnapshot, ReplicaSnapshot> change)
    {
        lock (_snapshotGate)
        {
            Snapshot = change(Snapshot);
            _changed(Snapshot);
        }
    }
}
