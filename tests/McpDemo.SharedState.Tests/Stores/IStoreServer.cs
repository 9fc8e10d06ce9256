namespace McpDemo.SharedState.Tests.Stores;

/// <summary>A real Redis-protocol server in its own process, on a free loopback port, that a test can stop and start again.</summary>
public interface IStoreServer : IAsyncDisposable
{
    /// <summary>What the store is, for messages: <c>garnet</c> or <c>redis-server</c>.</summary>
    string Kind { get; }

    /// <summary>The RESP port; it stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    int Port { get; }

    /// <summary>The StackExchange.Redis connection string, as a replica gets it in <c>ConnectionStrings:store</c>.</summary>
    string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts the server and waits until it answers.</summary>
    Task StartAsync();

    /// <summary>Kills the server: an outage, not a shutdown.</summary>
    Task StopAsync();
}
