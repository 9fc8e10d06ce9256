using McpDemo.Testing;
using ModelContextProtocol.Client;

namespace McpDemo.Server.Tests.Tools;

/// <summary>
/// The server (<see cref="McpServerFixture"/>) with an MCP client at hand; it logs what the SDK says about requests,
/// since some tests read it (for example that one was cancelled).
/// </summary>
public abstract class ServerProcess(string sessionMode, string? defaultProtocolVersion = null)
    : McpServerFixture(sessionMode, new Dictionary<string, string?> { ["Logging__LogLevel__ModelContextProtocol"] = "Information" })
{
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
}

/// <summary>The server in stateless mode.</summary>
public sealed class StatelessServer() : ServerProcess("Stateless");

/// <summary>
/// The server in stateful mode, with clients that speak 2025-11-25, the last protocol revision with sessions
/// (the server answers newer revisions without a session, as it does in stateless mode).
/// </summary>
public sealed class StatefulServer() : ServerProcess("Stateful", "2025-11-25");
