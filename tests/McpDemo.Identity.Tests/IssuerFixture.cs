namespace McpDemo.Identity.Tests;

/// <summary>One issuer shared by the tests of <see cref="IssuerCollection"/>, with its keys in a directory of its own.</summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _keys = new();
    private IssuerProcess? _issuer;

    /// <summary>The running issuer.</summary>
    public IssuerProcess Issuer => _issuer ?? throw new InvalidOperationException("The issuer has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _issuer = await IssuerProcess.StartAsync(_keys.Path);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
        _keys.Dispose();
    }
}

/// <summary>The tests that share one issuer process.</summary>
[CollectionDefinition(Name)]
public sealed class IssuerCollection : ICollectionFixture<IssuerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "issuer";
}
