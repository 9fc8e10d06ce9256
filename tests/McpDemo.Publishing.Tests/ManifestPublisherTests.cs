using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

public sealed class ManifestPublisherTests(ManifestFixture fixture) : IClassFixture<ManifestFixture>
{
    private JsonNode Resources => fixture.Manifest["resources"]!;

    [Fact]
    public Task Manifest_ValidatesAgainstTheAspire80Schema() => ManifestSchema.AssertValidAsync(fixture.ManifestPath);

    [Fact]
    public void Manifest_DeclaresEveryResourceOfTheModel_AsStandardTypes()
    {
        var resources = Resources.AsObject();

        Assert.Equal(["mcp-api-key", "store", "server", "gateway", "client"], resources.Select(r => r.Key));
        Assert.Equal("parameter.v0", (string?)resources["mcp-api-key"]!["type"]);
        Assert.All(resources.Skip(1), r => Assert.Equal("project.v0", (string?)r.Value!["type"]));
        // Paths are relative to the manifest, as deployment tools resolve them.
        var serverProject = Path.GetFullPath(Path.Combine(fixture.OutputPath, (string)Resources["server"]!["path"]!));
        Assert.Equal(Path.Combine(RepoLayout.Root, "src", "McpDemo.Server", "McpDemo.Server.csproj"), serverProject);
    }

    [Fact]
    public void Manifest_WritesReferencesInExpressionSyntax()
    {
        Assert.Equal("{server.bindings.http.url}", (string?)Resources["gateway"]!["env"]!["services__server__http__0"]);
        Assert.Equal("{gateway.bindings.http.url}", (string?)Resources["client"]!["env"]!["services__gateway__http__0"]);
    }

    [Fact]
    public void Manifest_ExposesOnlyTheGateway_OnItsPort()
    {
        var gateway = Resources["gateway"]!["bindings"]!["http"]!;
        var server = Resources["server"]!["bindings"]!["http"]!;

        Assert.True((bool?)gateway["external"]);
        Assert.Equal(8080, (int?)gateway["targetPort"]);
        Assert.Null(server["external"]);
        Assert.Equal("http", (string?)server["scheme"]);
        Assert.Null(Resources["client"]!["bindings"]);
    }

    [Fact]
    public void Manifest_ServerListensOnAllInterfaces_AndAcceptsItsDeployedHost()
    {
        var env = Resources["server"]!["env"]!;

        Assert.Equal("http://+:{server.bindings.http.targetPort}", (string?)env["ASPNETCORE_URLS"]);
        Assert.Equal("{server.bindings.http.host}", (string?)env["Mcp__AllowedHosts__0"]);
        Assert.Equal(["--Mcp:SessionMode=Stateless"], Resources["server"]!["args"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public void Manifest_DeclaresTheApiKey_AsASecretInput()
    {
        var parameter = Resources["mcp-api-key"]!;

        Assert.Equal("{mcp-api-key.inputs.value}", (string?)parameter["value"]);
        Assert.Equal("string", (string?)parameter["inputs"]!["value"]!["type"]);
        Assert.True((bool?)parameter["inputs"]!["value"]!["secret"]);
    }

    [Fact]
    public void Manifest_GivesServerAndClientTheApiKey_ByReference()
    {
        Assert.Equal("{mcp-api-key.value}", (string?)Resources["server"]!["env"]!["Mcp__ApiKeys__0"]);
        Assert.Equal("{mcp-api-key.value}", (string?)Resources["client"]!["env"]!["MCP_API_KEY"]);
        Assert.Null(Resources["gateway"]!["env"]!["Mcp__ApiKeys__0"]);
    }

    [Fact]
    public async Task Publish_NeverWritesTheLocalSecretValue()
    {
        foreach (var file in Directory.EnumerateFiles(fixture.OutputPath, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(ManifestFixture.LocalApiKey, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(ManifestFixture.LocalApiKey, fixture.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplicasFile_HoldsTheModelsReplicaCounts()
    {
        var replicas = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.OutputPath, "replicas.json")))!;

        Assert.Equal(4, (int?)replicas["server"]);
        Assert.Equal(1, (int?)replicas["gateway"]);
        Assert.Equal(1, (int?)replicas["client"]);
        Assert.Null(replicas["mcp-api-key"]);
    }

    [Fact]
    public void Publish_LeavesNoStagingDirectoryBehind()
    {
        var parent = Path.GetDirectoryName(fixture.OutputPath)!;

        Assert.Equal(["manifest"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }
}
