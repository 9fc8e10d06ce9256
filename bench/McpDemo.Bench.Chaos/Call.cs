namespace McpDemo.Bench.Chaos;

/// <summary>One call of the load: which kind, through which gateway, when it ran, what it got and which replica answered.</summary>
/// <param name="Kind"><see cref="Load.Current"/> or <see cref="Load.Legacy"/>.</param>
/// <param name="Gateway">The gateway's number, 1-based.</param>
/// <param name="Started">When the call was sent, on the run's clock.</param>
/// <param name="Ended">When its answer (or failure) arrived.</param>
/// <param name="Outcome">One of the <see cref="Outcomes"/>.</param>
/// <param name="Instance">The replica that answered (from the pong), when one did.</param>
internal sealed record Call(string Kind, int Gateway, TimeSpan Started, TimeSpan Ended, string Outcome, int? Instance)
{
    /// <summary>Whether the call succeeded.</summary>
    public bool Succeeded => Outcome == Outcomes.Ok;

    /// <summary>Whether the call was under way at <paramref name="moment"/>.</summary>
    public bool InFlightAt(TimeSpan moment) => Started <= moment && Ended > moment;
}

/// <summary>What a call can get, as the table counts them.</summary>
internal static class Outcomes
{
    /// <summary>A result from a replica.</summary>
    public const string Ok = "ok";

    /// <summary>424 with <c>Retry-After</c>: the session's state is out of reach for now; the client retries later.</summary>
    public const string Retry = "424";

    /// <summary>424 without <c>Retry-After</c>.</summary>
    public const string RetryWithoutAfter = "424 without Retry-After";

    /// <summary>404 on a legacy call: the session is gone.</summary>
    public const string SessionLost = "404";

    /// <summary>Any 5xx.</summary>
    public const string ServerError = "5xx";

    /// <summary>The connection failed or was cut.</summary>
    public const string Connection = "connection";

    /// <summary>No answer within the client's timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>Anything else: another status, or a JSON-RPC error.</summary>
    public const string Other = "other";
}
