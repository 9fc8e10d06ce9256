namespace McpDemo.Bench.Chaos;

/// <summary>
/// The tickers one client starts for one feed (a user's listen streams, or a legacy session's GET stream), one after
/// another. A tick names its ticker only by the <c>count</c> it carries (<c>{"tick":3,"count":31,...}</c>), so each run
/// counts to a number unlike the runs just before it: a late tick is told from the next run's.
/// </summary>
internal sealed class TickerRuns
{
    /// <summary>Milliseconds between ticks.</summary>
    public const int IntervalMs = 250;

    private const int FirstCount = 30;
    private const int DistinctCounts = 10;

    private readonly Lock _gate = new();
    private readonly List<(int Count, TimeSpan Started)> _runs = [];

    /// <summary>Records a new run starting at <paramref name="now"/> and returns its number and how many ticks it counts.</summary>
    public (int Run, int Count) Next(TimeSpan now)
    {
        lock (_gate)
        {
            var count = FirstCount + _runs.Count % DistinctCounts;
            _runs.Add((count, now));
            return (_runs.Count - 1, count);
        }
    }

    /// <summary>The latest run that counts to <paramref name="count"/>: its number and when it started; null if none does.</summary>
    public (int Run, TimeSpan Started)? RunOf(int count)
    {
        lock (_gate)
        {
            var run = _runs.FindLastIndex(r => r.Count == count);
            return run < 0 ? null : (run, _runs[run].Started);
        }
    }

    /// <summary>How long the longest run takes: a run started later than this before the load stops may be cut short by the stop.</summary>
    public static TimeSpan Longest => Duration(FirstCount + DistinctCounts - 1);

    /// <summary>How long a run of <paramref name="count"/> ticks takes, with a margin, before the next is started.</summary>
    public static TimeSpan Duration(int count) => TimeSpan.FromMilliseconds(count * IntervalMs) + TimeSpan.FromSeconds(1.5);
}
