namespace McpDemo.SharedState;

/// <summary>Where and how replicas share state. Bound from <c>ConnectionStrings:store</c> and the <c>SharedState</c> section.</summary>
public sealed class SharedStateOptions
{
    /// <summary>The configuration section of the options other than the connection string.</summary>
    public const string SectionName = "SharedState";

    /// <summary>The name of the connection string, Aspire's convention for a referenced resource named <c>store</c>.</summary>
    public const string ConnectionStringName = "store";

    /// <summary>
    /// The StackExchange.Redis connection string of the store, e.g. <c>127.0.0.1:6379</c> or
    /// <c>my-cache.serverless.use1.cache.amazonaws.com:6379,ssl=true</c>. Empty means in-process state.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Prefixes every key and pub/sub channel, so several applications can share one store. Every replica of one
    /// application must use the same prefix.
    /// </summary>
    public string KeyPrefix { get; set; } = "mcpdemo:";

    /// <summary>
    /// The Data Protection application name. Replicas that share it (and the key ring) verify each other's
    /// protected payloads, MRTR <c>requestState</c> among them.
    /// </summary>
    public string ApplicationName { get; set; } = "McpDemo";

    /// <summary>
    /// How long a stream resumed with <c>Last-Event-ID</c> may stay silent before this replica ends it. The replica that
    /// wrote the stream may be dead, and then nothing more ever comes: ended, the stream tells the client to resume or
    /// retry rather than wait for its own timeout. A live writer's next event makes the client resume again. Default 10 s.
    /// </summary>
    public TimeSpan ResumedStreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether a store is configured; without one every replica keeps its state to itself.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
