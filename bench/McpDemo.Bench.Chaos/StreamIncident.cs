namespace McpDemo.Bench.Chaos;

/// <summary>Something that happened to an event stream of the load, and when, so each fault's window counts its own.</summary>
/// <param name="Stream">Which kind of stream: one of <see cref="Streams"/>.</param>
/// <param name="Kind">What happened: one of <see cref="IncidentKinds"/>.</param>
/// <param name="At">When, on the run's clock: for a lost event, when the first event after it arrived.</param>
internal sealed record StreamIncident(string Stream, string Kind, TimeSpan At);

/// <summary>The kinds of stream the load keeps open.</summary>
internal static class Streams
{
    /// <summary>A 2026-07-28 <c>subscriptions/listen</c> stream, carrying the ticks of the user's tickers.</summary>
    public const string Listen = "listen";

    /// <summary>A legacy session's GET stream, carrying the ticks of the session's tickers.</summary>
    public const string LegacyGet = "legacy GET";

    /// <summary>The SSE answer of a legacy <c>countdown</c> call, carrying its progress.</summary>
    public const string Countdown = "countdown";
}

/// <summary>What <see cref="StreamIncident"/> counts.</summary>
internal static class IncidentKinds
{
    /// <summary>An event the stream should have carried and did not: a gap in a sequence the stream did carry on from.</summary>
    public const string Lost = "lost";

    /// <summary>An event the stream carried a second time.</summary>
    public const string Duplicated = "duplicated";

    /// <summary>
    /// An event of a run the server accepted that never arrived, and no later one of its run did either (so not a gap):
    /// the run's replica died before sending it, the server could not send it, or it went nowhere. Timed by the run's start.
    /// </summary>
    public const string NeverArrived = "never arrived";

    /// <summary>A listen stream's tick sent while the stream was closed: missed by design (listen streams do not resume).</summary>
    public const string MissedWhileClosed = "missed while closed";

    /// <summary>A cut stream opened again: with <c>Last-Event-ID</c> (legacy), or as a new listen request.</summary>
    public const string Resumed = "resumed";
}
