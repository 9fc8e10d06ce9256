using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.Stores;

/// <summary>Garnet, as the AppHost runs it: the McpDemo.Store project, ready once its <c>/health</c> answers 200.</summary>
public sealed class GarnetStoreServer : IStoreServer
{
    private readonly int _httpPort = FreePort.Next();
    private TestProcess? _process;

    /// <inheritdoc />
    public string Kind => "garnet";

    /// <inheritdoc />
    public int Port { get; } = FreePort.Next();

    /// <inheritdoc />
    public async Task StartAsync()
    {
        _process = TestProcess.StartProject("src/McpDemo.Store",
            ["--urls", $"http://127.0.0.1:{_httpPort}", "--Store:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await _process.WaitForHttpOkAsync($"http://127.0.0.1:{_httpPort}/health");
    }

    /// <inheritdoc />
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());
}
