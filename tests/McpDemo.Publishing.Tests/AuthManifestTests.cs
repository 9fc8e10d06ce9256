using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>
/// The manifest of the default, OAuth topology: the issuer is a project like any other, the client secret a secret input,
/// and the servers and gateway find the issuer and the resource by reference, so a deployment tool wires them itself.
/// </summary>
public sealed class AuthManifestTests(AuthManifestTests.OAuthManifest fixture) : IClassFixture<AuthManifestTests.OAuthManifest>
{
    private const string Resource = "{gateway.bindings.http.url}/mcp";
    private const string Authority = "{identity.bindings.http.url}";

    private JsonNode Resources => fixture.Manifest["resources"]!;

    [Fact]
    public Task Manifest_ValidatesAgainstTheAspire80Schema() => ManifestSchema.AssertValidAsync(fixture.ManifestPath);

    [Fact]
    public void Issuer_IsAProject_ThatRegistersTheGatewaysMcpUrl_AndTheDemoClient()
    {
        var identity = Resources["identity"]!;

        Assert.Equal("project.v0", (string?)identity["type"]);
        Assert.Equal(Authority, (string?)identity["env"]!["Identity__Issuer"]);
        Assert.Equal(Resource, (string?)identity["env"]!["Identity__Resources__0"]);
        Assert.Equal("{mcp-client-secret.value}", (string?)identity["env"]!["Identity__Clients__0__ClientSecret"]);
        Assert.True((bool?)Resources["mcp-client-secret"]!["inputs"]!["value"]!["secret"]);
        Assert.Null(Resources["mcp-api-key"]);
    }

    [Fact]
    public void ServerAndGateway_TrustTheIssuer_ForTheSameResource_AndTheClientGetsTheSecret()
    {
        Assert.Equal(Authority, (string?)Resources["server"]!["env"]!["Mcp__Auth__Authority"]);
        Assert.Equal(Resource, (string?)Resources["server"]!["env"]!["Mcp__Auth__Resource"]);
        Assert.Equal(Authority, (string?)Resources["gateway"]!["env"]!["Gateway__Auth__Authority"]);
        Assert.Equal(Resource, (string?)Resources["gateway"]!["env"]!["Gateway__Auth__Resource"]);
        Assert.Equal("mcpdemo-client", (string?)Resources["client"]!["env"]!["MCP_CLIENT_ID"]);
        Assert.Equal("{mcp-client-secret.value}", (string?)Resources["client"]!["env"]!["MCP_CLIENT_SECRET"]);
    }

    /// <summary>The default topology's manifest, published once for the class.</summary>
    public sealed class OAuthManifest : IAsyncLifetime, IDisposable
    {
        private readonly TemporaryDirectory _temp = new();

        public string ManifestPath => Path.Combine(_temp.Path, "manifest", "aspire-manifest.json");

        public JsonNode Manifest { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            (await AppHostProcess.RunAsync("--publisher", "manifest", "--output-path", Path.GetDirectoryName(ManifestPath)!)).EnsureSuccess();
            Manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _temp.Dispose();
    }
}
