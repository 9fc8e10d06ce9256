using McpDemo.Testing;
using Xunit;

namespace McpDemo.Server.Tests.Auth;

/// <summary>
/// One issuer and one server (Stateful, so legacy sessions exist) with <c>Mcp:Auth</c>, shared by the server's
/// authorization tests. Besides the default <c>confirm_action</c> → <c>mcp:confirm</c>, <c>countdown</c> needs
/// <see cref="CountdownScope"/>, a scope the issuer does not know: only tokens the tests mint carry it.
/// </summary>
public sealed class OAuthServerFixture : IAsyncLifetime
{
    /// <summary>The scope <c>countdown</c> is configured to need (<c>Mcp:Auth:ToolScopes:countdown</c>).</summary>
    public const string CountdownScope = "mcp:countdown";

    private OAuthTopology? _topology;

    /// <summary>The running issuer and server.</summary>
    public OAuthTopology Topology => _topology ?? throw new InvalidOperationException("Not started.");

    /// <summary>The server's MCP endpoint, which is also the resource its tokens must name.</summary>
    public Uri Endpoint => Topology.Resource;

    /// <summary>The server's metadata document, as challenges name it.</summary>
    public string MetadataUri => new Uri(Endpoint, "/.well-known/oauth-protected-resource/mcp").AbsoluteUri;

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _topology = await OAuthTopology.StartAsync(withGateway: false, serverArguments: [$"--Mcp:Auth:ToolScopes:countdown={CountdownScope}"]);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_topology is not null)
        {
            await _topology.DisposeAsync();
        }
    }
}

/// <summary>The server authorization tests that share one <see cref="OAuthServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class OAuthServerCollection : ICollectionFixture<OAuthServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "oauth-server";
}
