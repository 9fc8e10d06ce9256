using McpDemo.Testing;
using ModelContextProtocol.Client;
using Xunit;

namespace McpDemo.Server.Tests.Tools;

/// <summary>The built McpDemo.Server running as a real process on a free loopback port, in one session mode.</summary>
public abstract class ServerProcess(string sessionMode, string? defaultProtocolVersion = null) : IAsyncLifetime
{
    private McpServerProcess? _server;

    /// <summary>The <c>service.instance.id</c> the server is started with, so answers can be checked for it.</summary>
    public string InstanceId { get; } = $"tools-test-{sessionMode.ToLowerInvariant()}-{Guid.NewGuid():N}";

    /// <summary>The MCP endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Everything the server has logged so far.</summary>
    public string Output => _server!.Process.Output;

    /// <summary>
    /// A new MCP client against the server, speaking <paramref name="protocolVersion"/> or the fixture's default,
    /// answering the server's questions with <paramref name="handlers"/>.
    /// </summary>
    public Task<McpClient> ConnectAsync(string? protocolVersion = null, McpClientHandlers? handlers = null) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = Endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            new McpClientOptions
            {
                ProtocolVersion = protocolVersion ?? defaultProtocolVersion,
                // The default probe timeout is short enough for a loaded test machine to miss it and fall back
                // to an older revision.
                DiscoverProbeTimeout = TimeSpan.FromSeconds(30),
                Handlers = handlers ?? new(),
            });

    /// <summary>Waits until the server has logged a line containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The server never logged '{text}':\n{Output}");
            }
            await Task.Delay(50);
        }
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _server = await McpServerProcess.StartAsync(
            "src/McpDemo.Server",
            sessionMode,
            new Dictionary<string, string?>
            {
                ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={InstanceId}",
                // Some tests read what the SDK logs about requests (for example that one was cancelled).
                ["Logging__LogLevel__ModelContextProtocol"] = "Information",
            });
        Endpoint = _server.McpEndpoint;
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

/// <summary>The server in stateless mode.</summary>
public sealed class StatelessServer() : ServerProcess("Stateless");

/// <summary>
/// The server in stateful mode, with clients that speak 2025-11-25, the last protocol revision with sessions
/// (the server answers newer revisions without a session, as it does in stateless mode).
/// </summary>
public sealed class StatefulServer() : ServerProcess("Stateful", "2025-11-25");
