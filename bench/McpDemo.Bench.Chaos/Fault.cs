namespace McpDemo.Bench.Chaos;

/// <summary>One fault of the chaos run, once injected: what, on which process, and when it began and ended.</summary>
/// <param name="Name">The table's name for it.</param>
/// <param name="Target">The process it hit.</param>
/// <param name="Began">When the signal was sent, on the run's clock.</param>
/// <param name="Ended">When it was over: the SIGCONT of a stop, or <see cref="Began"/> for a kill.</param>
/// <param name="WindowEnd">When the next fault began (or the run ended): the calls started in between are this fault's.</param>
internal sealed record Fault(string Name, ServiceProcess Target, TimeSpan Began, TimeSpan Ended, TimeSpan WindowEnd)
{
    /// <summary>Whether <paramref name="call"/> started in this fault's window.</summary>
    public bool Owns(Call call) => call.Started >= Began && call.Started < WindowEnd;
}
