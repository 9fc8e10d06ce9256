namespace McpDemo.SharedState.Tests.Stores;

/// <summary>One running store of kind <typeparamref name="TStore"/> for all tests of a class.</summary>
public sealed class StoreFixture<TStore> : IAsyncLifetime
    where TStore : IStoreServer, new()
{
    /// <summary>The running store.</summary>
    public TStore Store { get; } = new();

    /// <inheritdoc />
    public Task InitializeAsync() => Store.StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Store.StopAsync();
}
