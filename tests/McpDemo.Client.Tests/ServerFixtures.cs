using McpDemo.Testing;

namespace McpDemo.Client.Tests;

/// <summary>The server in stateless mode.</summary>
public sealed class StatelessServer() : McpServerFixture("Stateless");

/// <summary>The server in stateful mode.</summary>
public sealed class StatefulServer() : McpServerFixture("Stateful");

/// <summary>The server in stateless mode, accepting only requests that carry <see cref="ApiKey"/>.</summary>
public sealed class ApiKeyServer() : McpServerFixture("Stateless", null, $"--Mcp:ApiKeys:0={ApiKey}")
{
    /// <summary>The one key the server accepts.</summary>
    public const string ApiKey = "client-test-api-key-7c1e04a9b3";
}
