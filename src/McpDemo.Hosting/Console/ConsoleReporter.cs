using System.Globalization;
using McpDemo.Hosting.ApplicationModel;
using McpDemo.Hosting.Orchestration;

namespace McpDemo.Hosting.Console;

/// <summary>
/// The AppHost's console: each child line prefixed by its replica (<c>server-2 | ...</c>) in the
/// resource's colour, lifecycle events, progress during long waits, and a start-up summary.
/// </summary>
internal sealed class ConsoleReporter
{
    private const string AppHostPrefix = "apphost";
    private readonly TextWriter _writer;
    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationOptions _options;
    private readonly int _prefixWidth;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ReplicaState State, bool? Healthy)> _reported = [];

    public ConsoleReporter(TextWriter writer, DistributedApplicationModel model, DistributedApplicationOptions options)
    {
        _writer = writer;
        _model = model;
        _options = options;
        _prefixWidth = model.Resources
            .Select(r => LaunchPlanner.ReplicaId(r, r.Replicas - 1).Length)
            .Append(AppHostPrefix.Length)
            .Max();
    }

    public void OnOutput(ReplicaOutputLine line) =>
        Write(line.ResourceName, line.ReplicaId, line.IsError ? Paint(line.Text, AnsiColor.Red) : line.Text);

    public void OnChanged(ReplicaSnapshot replica)
    {
        // Snapshots also change without a change of state or health (an exit code arriving); report those changes only.
        (ReplicaState State, bool? Healthy) previous;
        lock (_gate)
        {
            _reported.TryGetValue(replica.ReplicaId, out previous);
            if (previous == (replica.State, replica.Healthy))
            {
                return;
            }
            _reported[replica.ReplicaId] = (replica.State, replica.Healthy);
        }
        var message = replica.State switch
        {
            ReplicaState.Starting => $"{replica.ReplicaId} started (pid {replica.ProcessId})",
            ReplicaState.Running when replica.Healthy is false => Paint($"{replica.ReplicaId} is unhealthy: its health check fails", AnsiColor.Yellow),
            ReplicaState.Running when previous.State == ReplicaState.Running => Paint($"{replica.ReplicaId} is healthy again", AnsiColor.Green),
            ReplicaState.Running => Paint($"{replica.ReplicaId} is running", AnsiColor.Green) + (replica.Url is { } url ? $" at {url}" : ""),
            ReplicaState.Restarting => Paint($"{replica.ReplicaId} {replica.Message} (restart {replica.RestartCount})", AnsiColor.Yellow),
            ReplicaState.Finished => $"{replica.ReplicaId} finished (exit code 0)",
            ReplicaState.Failed => Paint($"{replica.ReplicaId} failed: {replica.Message}", AnsiColor.Red),
            ReplicaState.Stopped => $"{replica.ReplicaId} stopped",
            _ => null,
        };
        if (message is not null)
        {
            WriteAppHost(message);
        }
    }

    public void WriteAppHost(string message) => Write(null, AppHostPrefix, message);

    public void WriteError(string message) => WriteAppHost(Paint("error: " + message, AnsiColor.Red));

    /// <summary>Says who is still not ready, so a slow start never looks like a hang.</summary>
    public void WriteProgress(IEnumerable<ReplicaSnapshot> replicas, TimeSpan elapsed)
    {
        var pending = replicas.Where(r => r.State is ReplicaState.Waiting or ReplicaState.Starting or ReplicaState.Restarting).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        var details = pending.Select(r => r.State switch
        {
            ReplicaState.Waiting => $"{r.ReplicaId} waits for {string.Join(", ", _model[r.ResourceName].WaitFors.Select(w => w.Name))}",
            ReplicaState.Starting => $"{r.ReplicaId} is not healthy yet",
            _ => $"{r.ReplicaId} is restarting",
        });
        WriteAppHost(Paint($"still starting after {elapsed.TotalSeconds:0}s: {string.Join("; ", details)}", AnsiColor.Dim));
    }

    /// <summary>The table printed once everything is up: every replica's state, pid and URL, then the URLs people open.</summary>
    /// <param name="replicas">Every replica's state.</param>
    /// <param name="dashboardUrl">The running dashboard's actual URL, or null without one.</param>
    /// <param name="otlpEndpoint">Where the services export telemetry, or null when they do not.</param>
    public void WriteSummary(IReadOnlyList<ReplicaSnapshot> replicas, Uri? dashboardUrl, string? otlpEndpoint)
    {
        var rows = replicas.Select(r => (
            Replica: r.ReplicaId,
            State: r.State.ToString(),
            Pid: r.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Url: r.Url?.ToString() ?? "-")).ToList();
        var replicaWidth = rows.Max(r => r.Replica.Length);
        var stateWidth = Math.Max(rows.Max(r => r.State.Length), "state".Length);
        var pidWidth = Math.Max(rows.Max(r => r.Pid.Length), "pid".Length);
        var lines = new List<string>
        {
            Paint($"{"replica".PadRight(replicaWidth)}  {"state".PadRight(stateWidth)}  {"pid".PadRight(pidWidth)}  url", AnsiColor.Bold),
        };
        lines.AddRange(rows.Select(r => $"{r.Replica.PadRight(replicaWidth)}  {PaintState(r.State, stateWidth)}  {r.Pid.PadRight(pidWidth)}  {r.Url}"));
        lines.Add("");
        foreach (var resource in _model.Resources.Where(r => r.Endpoints.Any(e => e.IsExternal)))
        {
            var url = replicas.First(r => r.ResourceName == resource.Name).Url;
            lines.Add($"{Paint(resource.Name, AnsiColor.Bold)}: {url}");
        }
        if (dashboardUrl is not null)
        {
            lines.Add($"{Paint("dashboard", AnsiColor.Bold)}: {dashboardUrl}");
        }
        if (otlpEndpoint is not null)
        {
            lines.Add($"{Paint("telemetry", AnsiColor.Bold)}: OTLP/HTTP {otlpEndpoint}");
        }
        lines.Add(Paint("Press Ctrl+C to stop.", AnsiColor.Dim));
        foreach (var line in lines)
        {
            WriteAppHost(line);
        }
    }

    private string PaintState(string state, int width)
    {
        var padded = state.PadRight(width);
        return state switch
        {
            nameof(ReplicaState.Running) or nameof(ReplicaState.Finished) => Paint(padded, AnsiColor.Green),
            nameof(ReplicaState.Failed) => Paint(padded, AnsiColor.Red),
            _ => Paint(padded, AnsiColor.Yellow),
        };
    }

    private void Write(string? resourceName, string prefix, string text)
    {
        var color = resourceName is null ? AnsiColor.Bold : AnsiColor.ForResource(IndexOf(resourceName));
        var line = $"{Paint(prefix.PadRight(_prefixWidth), color)} | {text}";
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    private int IndexOf(string resourceName) => _model.Resources.Select(r => r.Name).ToList().IndexOf(resourceName);

    private string Paint(string text, string color) => _options.UseColors ? color + text + AnsiColor.Reset : text;
}
