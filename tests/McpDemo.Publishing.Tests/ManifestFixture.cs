using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>Publishes the AppHost's manifest once (4 replicas, API key auth with the key set locally) for every manifest test.</summary>
public sealed class ManifestFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The local value of the <c>mcp-api-key</c> parameter: it must never reach the published output.</summary>
    public const string LocalApiKey = "local-only-api-key-5f0c9e2b7d41";

    private readonly TemporaryDirectory _temp = new();

    public string OutputPath => Path.Combine(_temp.Path, "manifest");

    public string ManifestPath => Path.Combine(OutputPath, "aspire-manifest.json");

    public JsonNode Manifest { get; private set; } = null!;

    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var run = (await AppHostProcess.RunAsync("--publisher", "manifest", "--output-path", OutputPath, "--replicas", "4", "--auth", "apikey", $"--Parameters:mcp-api-key={LocalApiKey}")).EnsureSuccess();
        Output = run.Output;
        Manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();
}
