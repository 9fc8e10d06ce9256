namespace McpDemo.Bench.Chaos;

/// <summary>What the load's streams went through after the warm-up, counted per fault for the table and the goals.</summary>
/// <param name="incidents">Every resumption, and every event lost, duplicated or missed, after the warm-up.</param>
/// <param name="countdowns">Every countdown call started after the warm-up.</param>
internal sealed class StreamFigures(List<StreamIncident> incidents, List<CountdownCall> countdowns)
{
    /// <summary>How many <paramref name="kind"/> incidents happened in <paramref name="fault"/>'s window, on the given kinds of stream (all when none are given).</summary>
    public int Count(Fault fault, string kind, params string[] streams) =>
        incidents.Count(i => i.Kind == kind && In(fault, i.At) && (streams.Length == 0 || streams.Contains(i.Stream)));

    /// <summary>The countdowns that ended (answered, or given up) in <paramref name="fault"/>'s window: "answered/ended".</summary>
    /// <remarks>By their end, not their start: a countdown a kill cuts short started before it.</remarks>
    public string Answered(Fault fault)
    {
        var ended = countdowns.Where(c => In(fault, c.Ended)).ToList();
        return $"{ended.Count(c => c.ResultArrived)}/{ended.Count}";
    }

    /// <summary>
    /// The goal that a stream cut in <paramref name="fault"/>'s window resumes with nothing lost or duplicated, judged on
    /// the streams that resume (the legacy GET streams and countdown answers); not measured when none was cut. A tick of
    /// a ticker the server accepted in the window that never arrived counts as lost: the ticker ran on a live replica
    /// (a call to one that was gone would have failed), so its ticks were sent and the stream did not carry them.
    /// </summary>
    public Goal ResumeGoal(Fault fault, string asks)
    {
        int Of(string stream, string kind) => Count(fault, kind, stream);
        var resumed = Count(fault, IncidentKinds.Resumed, Streams.LegacyGet, Streams.Countdown);
        var neverArrived = Of(Streams.LegacyGet, IncidentKinds.NeverArrived);
        var lost = Count(fault, IncidentKinds.Lost, Streams.LegacyGet, Streams.Countdown) + neverArrived;
        var duplicated = Count(fault, IncidentKinds.Duplicated, Streams.LegacyGet, Streams.Countdown);
        var cutShort = countdowns.Count(c => In(fault, c.Ended) && !c.ResultArrived && c.Resumes > 0);
        var measured =
            $"GET streams: {Of(Streams.LegacyGet, IncidentKinds.Resumed)} resumed, {Of(Streams.LegacyGet, IncidentKinds.Lost)} ticks lost in gaps, {neverArrived} of accepted tickers never arrived, {Of(Streams.LegacyGet, IncidentKinds.Duplicated)} duplicated; " +
            $"countdowns: {Of(Streams.Countdown, IncidentKinds.Resumed)} resumed, {Of(Streams.Countdown, IncidentKinds.Lost)} progress events lost, {Of(Streams.Countdown, IncidentKinds.Duplicated)} duplicated, " +
            $"{cutShort} resumed without their answer";
        return new Goal(fault.Name, asks, measured, resumed + lost + duplicated == 0 ? null : lost == 0 && duplicated == 0);
    }

    /// <summary>The listen streams over the whole run: no tick lost or duplicated while a stream was open.</summary>
    public Goal ListenGoal()
    {
        int Of(string kind) => incidents.Count(i => i.Stream == Streams.Listen && i.Kind == kind);
        var (lost, duplicated) = (Of(IncidentKinds.Lost), Of(IncidentKinds.Duplicated));
        return new Goal("every fault", "a listen stream loses or duplicates no tick while open (it cannot resume: ticks sent while it is closed are missed by design)",
            $"{lost} lost, {duplicated} duplicated; {Of(IncidentKinds.MissedWhileClosed)} missed while closed over {Of(IncidentKinds.Resumed)} reopenings",
            lost == 0 && duplicated == 0);
    }

    /// <summary>One line over the whole load after the warm-up.</summary>
    public string Summary()
    {
        string Of(string stream) =>
            $"{stream}: {incidents.Count(i => i.Stream == stream && i.Kind == IncidentKinds.Lost)} events lost, " +
            $"{incidents.Count(i => i.Stream == stream && i.Kind == IncidentKinds.Duplicated)} duplicated, " +
            $"{incidents.Count(i => i.Stream == stream && i.Kind == IncidentKinds.Resumed)} {(stream == Streams.Listen ? "reopened" : "resumed")}";
        return $"{Of(Streams.Listen)} ({incidents.Count(i => i.Kind == IncidentKinds.MissedWhileClosed)} ticks missed while closed); {Of(Streams.LegacyGet)} " +
            $"({incidents.Count(i => i.Kind == IncidentKinds.NeverArrived)} ticks of accepted tickers never arrived); " +
            $"{Of(Streams.Countdown)}; {countdowns.Count(c => c.ResultArrived)} of {countdowns.Count} countdowns answered";
    }

    private static bool In(Fault fault, TimeSpan at) => at >= fault.Began && at < fault.WindowEnd;
}
