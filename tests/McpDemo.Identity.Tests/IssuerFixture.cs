using McpDemo.Testing;

namespace McpDemo.Identity.Tests;

/// <summary>One issuer shared by the tests of <see cref="IssuerCollection"/>, with the default clients and keys of its own.</summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    /// <summary>The one registered resource: the URL an MCP server would publish. Nothing needs to listen there.</summary>
    public const string Resource = "http://127.0.0.1:5999/mcp";

    /// <summary>A resource the issuer was not told of (nothing listens there either).</summary>
    public const string OtherResource = "http://127.0.0.1:5998/mcp";

    private IdentityProcess? _issuer;

    /// <summary>The running issuer.</summary>
    public IdentityProcess Issuer => _issuer ?? throw new InvalidOperationException("The issuer has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _issuer = await IdentityProcess.StartAsync(Resource);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
    }
}

/// <summary>The tests that share one issuer process.</summary>
[CollectionDefinition(Name)]
public sealed class IssuerCollection : ICollectionFixture<IssuerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "issuer";
}
