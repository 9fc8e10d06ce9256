using Xunit;

namespace McpDemo.Testing;

/// <summary>
/// The one server fixture: McpDemo.Server as a real process (<see cref="McpServerProcess"/>) for all tests of a class,
/// in one session mode, running as its own <c>service.instance.id</c> so answers can be checked for it. Test projects
/// derive from it to name a mode and its arguments.
/// </summary>
public abstract class McpServerFixture(string sessionMode, IReadOnlyDictionary<string, string?>? environment = null, params string[] extraArguments)
    : IAsyncLifetime
{
    private McpServerProcess? _server;

    /// <summary>The <c>service.instance.id</c> the server runs as.</summary>
    public string InstanceId { get; } = $"test-{sessionMode.ToLowerInvariant()}-{Guid.NewGuid():N}";

    /// <summary>The running server.</summary>
    public McpServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The MCP endpoint.</summary>
    public Uri Endpoint => Server.McpEndpoint;

    /// <summary>Everything the server has logged so far.</summary>
    public string Output => Server.Output;

    /// <summary>Waits until the server has logged a line containing <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text) => Server.Process.WaitForOutputAsync(text);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={InstanceId}",
        };
        _server = await McpServerProcess.StartAsync("src/McpDemo.Server", sessionMode, settings, extraArguments);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
