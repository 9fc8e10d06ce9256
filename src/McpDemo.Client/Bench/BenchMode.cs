namespace McpDemo.Client.Bench;

/// <summary>How bench workers talk to the server.</summary>
internal enum BenchMode
{
    /// <summary>
    /// Each worker is its own client (own connection pool and cookie jar) on the newest protocol the
    /// server speaks, without a session: the gateway may send every call to a different replica.
    /// </summary>
    Stateless,

    /// <summary>Each worker opens one session (<c>Mcp-Session-Id</c>) and makes all its calls in it, on the replica that holds it.</summary>
    Stateful,
}
