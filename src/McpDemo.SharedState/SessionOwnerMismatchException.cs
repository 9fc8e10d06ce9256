namespace McpDemo.SharedState;

/// <summary>
/// A request tried to adopt a stored legacy session that another user started.
/// <see cref="SharedStateMiddleware"/> answers it with 403, as the SDK does for a session it holds itself.
/// </summary>
public sealed class SessionOwnerMismatchException(string sessionId)
    : Exception($"Session {sessionId} belongs to another user.")
{
    /// <summary>The session that was asked for.</summary>
    public string SessionId { get; } = sessionId;
}
