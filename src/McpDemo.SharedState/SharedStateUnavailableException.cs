namespace McpDemo.SharedState;

/// <summary>
/// The store could not be reached for an operation that needs it (adopting or recording a legacy session).
/// <see cref="SharedStateMiddleware"/> answers it with 424 and a JSON-RPC error instead of a 500.
/// </summary>
public sealed class SharedStateUnavailableException(string message, Exception innerException)
    : Exception(message, innerException);
