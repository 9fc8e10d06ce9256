using McpDemo.Testing;
using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>The built McpDemo.Server as a real process on a free loopback port, in one session mode, with any extra arguments.</summary>
public abstract class ServerProcess(string sessionMode, params string[] extraArguments) : IAsyncLifetime
{
    private McpServerProcess? _server;

    /// <summary>The <c>service.instance.id</c> the server runs as, so the client's report can be checked against it.</summary>
    public string InstanceId { get; } = $"client-test-{sessionMode.ToLowerInvariant()}-{Guid.NewGuid():N}";

    /// <summary>The server's base address, as an AppHost reference would name it.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>The MCP endpoint.</summary>
    public string Endpoint => BaseAddress + "/mcp";

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _server = await McpServerProcess.StartAsync(
            "src/McpDemo.Server",
            sessionMode,
            new Dictionary<string, string?> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={InstanceId}" },
            extraArguments);
        BaseAddress = _server.BaseAddress.GetLeftPart(UriPartial.Authority);
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

/// <summary>The server in stateful mode.</summary>
public sealed class StatefulServer() : ServerProcess("Stateful");

/// <summary>The server in stateless mode, accepting only requests that carry <see cref="ApiKey"/>.</summary>
public sealed class ApiKeyServer() : ServerProcess("Stateless", $"--Mcp:ApiKeys:0={ApiKey}")
{
    /// <summary>The one key the server accepts.</summary>
    public const string ApiKey = "client-test-api-key-7c1e04a9b3";
}
