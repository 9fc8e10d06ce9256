using System.Globalization;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.Gateways;

/// <summary>McpDemo.Gateway as a process in front of real replicas, configured as the AppHost configures it.</summary>
internal static class GatewayProcess
{
    /// <summary>
    /// Starts a gateway on a free port in front of <paramref name="replicas"/> (<c>services__server__http__i</c>) with
    /// <paramref name="environment"/> and <paramref name="arguments"/>, waits until it is healthy, and returns it with
    /// its MCP endpoint.
    /// </summary>
    public static async Task<(TestProcess Gateway, Uri McpEndpoint)> StartAsync(
        IReadOnlyList<McpServerProcess> replicas, Dictionary<string, string?> environment, params string[] arguments)
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < replicas.Count; i++)
        {
            environment[$"services__server__http__{i}"] = replicas[i].BaseAddress.GetLeftPart(UriPartial.Authority);
        }
        var gateway = TestProcess.StartProject("src/McpDemo.Gateway", ["--urls", $"http://127.0.0.1:{port}", .. arguments], environment);
        try
        {
            await gateway.WaitForHttpOkAsync($"http://127.0.0.1:{port}/health");
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
        return (gateway, new Uri($"http://127.0.0.1:{port}/mcp"));
    }
}
