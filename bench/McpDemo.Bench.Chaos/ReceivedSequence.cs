namespace McpDemo.Bench.Chaos;

/// <summary>
/// The numbered events one logical stream received across its connections (a listen subscription, a legacy session's
/// GET stream, a countdown's answer), from which the events it lost or received twice are told once the run is over.
/// Events come in runs numbered from 1 (a ticker's ticks, a countdown's progress), so a missing number below one that
/// arrived is an event lost. A resumable stream must carry every number of a run up to the last it carried; a listen
/// stream cannot resume, so only a gap within one of its connections is a loss, and the numbers sent while it was
/// closed are missed by design.
/// </summary>
/// <param name="stream">Which kind of stream: one of <see cref="Streams"/>.</param>
/// <param name="resumable">Whether the stream resumes where it was cut (legacy <c>Last-Event-ID</c>).</param>
internal sealed class ReceivedSequence(string stream, bool resumable)
{
    private readonly Lock _gate = new();
    private readonly List<Receipt> _receipts = [];
    private readonly Dictionary<int, TimeSpan> _opened = [];
    private readonly Dictionary<int, (int Last, TimeSpan At)> _completed = [];
    private readonly Dictionary<int, (int Last, TimeSpan Started)> _expected = [];

    /// <summary>Connection <paramref name="connection"/> was opened (and is ready to carry events) at <paramref name="at"/>.</summary>
    public void Opened(int connection, TimeSpan at)
    {
        lock (_gate)
        {
            _opened[connection] = at;
        }
    }

    /// <summary>Event <paramref name="number"/> of run <paramref name="run"/> (started at <paramref name="runStarted"/>) arrived on <paramref name="connection"/>.</summary>
    public void Received(int run, TimeSpan runStarted, int number, int connection, TimeSpan at)
    {
        lock (_gate)
        {
            _receipts.Add(new Receipt(run, runStarted, number, connection, at));
        }
    }

    /// <summary>The stream said at <paramref name="at"/> that run <paramref name="run"/> ended with event <paramref name="last"/> (a countdown's answer).</summary>
    public void Completed(int run, int last, TimeSpan at)
    {
        lock (_gate)
        {
            _completed[run] = (last, at);
        }
    }

    /// <summary>The server accepted run <paramref name="run"/> at <paramref name="started"/>: the stream should carry its events 1 to <paramref name="last"/>.</summary>
    public void Expected(int run, TimeSpan started, int last)
    {
        lock (_gate)
        {
            _expected[run] = (last, started);
        }
    }

    /// <summary>The events lost, received twice, never arrived, or (listen) missed while closed.</summary>
    public List<StreamIncident> Incidents()
    {
        lock (_gate)
        {
            var incidents = new List<StreamIncident>();
            foreach (var run in _receipts.GroupBy(r => r.Run))
            {
                var seen = new HashSet<int>();
                foreach (var receipt in run.Where(receipt => !seen.Add(receipt.Number)))
                {
                    incidents.Add(new(stream, IncidentKinds.Duplicated, receipt.At));
                }
                var lost = resumable ? MissingUpTo(run.Key, run.ToList(), seen) : LostWithinConnections(run.ToList());
                incidents.AddRange(lost.Select(l => new StreamIncident(stream, IncidentKinds.Lost, l.At)));
                if (!resumable)
                {
                    var lostNumbers = lost.Select(l => l.Number).ToHashSet();
                    incidents.AddRange(Gaps(run.ToList(), seen, 1, seen.Max())
                        .Where(g => !lostNumbers.Contains(g.Number))
                        .Select(g => new StreamIncident(stream, IncidentKinds.MissedWhileClosed, g.At)));
                }
            }
            foreach (var (run, (last, started)) in _expected)
            {
                var reached = _receipts.Where(r => r.Run == run).Select(r => r.Number).DefaultIfEmpty(0).Max();
                incidents.AddRange(Enumerable.Range(reached + 1, Math.Max(0, last - reached)).Select(_ => new StreamIncident(stream, IncidentKinds.NeverArrived, started)));
            }
            return incidents;
        }
    }

    // A resumable stream: every number from 1 to the last the run reached (its announced end, if it announced one).
    private List<(int Number, TimeSpan At)> MissingUpTo(int run, List<Receipt> receipts, HashSet<int> seen)
    {
        var gaps = Gaps(receipts, seen, 1, seen.Max());
        if (_completed.TryGetValue(run, out var end))
        {
            gaps.AddRange(Enumerable.Range(seen.Max() + 1, Math.Max(0, end.Last - seen.Max())).Select(n => (n, end.At)));
        }
        return gaps;
    }

    // A listen stream: the gaps within each connection, from 1 when the connection was open before the run began,
    // else from the first number it carried.
    private List<(int Number, TimeSpan At)> LostWithinConnections(List<Receipt> receipts) =>
        receipts.GroupBy(r => r.Connection).SelectMany(connection =>
        {
            var carried = connection.Select(r => r.Number).ToHashSet();
            var openedBeforeRun = _opened.TryGetValue(connection.Key, out var opened) && opened <= connection.First().RunStarted;
            return Gaps(connection.ToList(), carried, openedBeforeRun ? 1 : carried.Min(), carried.Max());
        }).ToList();

    // The numbers from..to not in seen, each timed by the first event after it that did arrive.
    private static List<(int Number, TimeSpan At)> Gaps(List<Receipt> receipts, HashSet<int> seen, int from, int to) =>
        Enumerable.Range(from, Math.Max(0, to - from + 1)).Where(n => !seen.Contains(n))
            .Select(n => (n, receipts.Where(r => r.Number > n).Min(r => r.At))).ToList();

    private sealed record Receipt(int Run, TimeSpan RunStarted, int Number, int Connection, TimeSpan At);
}
