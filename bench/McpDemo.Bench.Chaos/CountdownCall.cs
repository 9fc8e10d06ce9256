namespace McpDemo.Bench.Chaos;

/// <summary>One legacy <c>countdown</c> call of the load: through which gateway, when it ran, whether its answer arrived, and how often its stream was resumed.</summary>
/// <param name="Gateway">The gateway's number, 1-based.</param>
/// <param name="Started">When the call was sent, on the run's clock.</param>
/// <param name="Ended">When its answer arrived, or the client gave up.</param>
/// <param name="ResultArrived">Whether the call's result arrived (on its stream or a resumption of it).</param>
/// <param name="Resumes">How many times its stream was resumed with <c>Last-Event-ID</c>.</param>
internal sealed record CountdownCall(int Gateway, TimeSpan Started, TimeSpan Ended, bool ResultArrived, int Resumes);
