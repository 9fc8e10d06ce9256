using System.Text.Json.Nodes;

namespace McpDemo.Publishing.Tests;

/// <summary>Publishes the AppHost's manifest once (4 replicas) for every manifest test.</summary>
public sealed class ManifestFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    public string OutputPath => Path.Combine(_temp.Path, "manifest");

    public string ManifestPath => Path.Combine(OutputPath, "aspire-manifest.json");

    public JsonNode Manifest { get; private set; } = null!;

    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var run = (await AppHostRun.StartAsync("--publisher", "manifest", "--output-path", OutputPath, "--replicas", "4")).EnsureSuccess();
        Output = run.Output;
        Manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();
}
