using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

/// <summary>
/// Legacy sessions of the real server (3 stateful <c>src/McpDemo.Server</c> replicas) through two gateway instances
/// that share nothing but their affinity key: the session started through one continues through the other.
/// </summary>
public sealed partial class RealServerAffinityTests
{
    private const string LegacyVersion = "2025-11-25";

    [Fact]
    public async Task LegacySession_StartedThroughGatewayA_ContinuesThroughGatewayB_OnItsReplica()
    {
        var replicas = new List<McpServerProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                replicas.Add(await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful"));
            }
            var addresses = replicas.Select(replica => replica.BaseAddress.ToString()).ToList();
            var key = $"--Gateway:Affinity:Key={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
            await using var gatewayA = await GatewayProcess.StartAsync(addresses, [key]);
            // B lists the replicas in another order: a session names its replica by address, not by position.
            await using var gatewayB = await GatewayProcess.StartAsync([.. addresses.AsEnumerable().Reverse()], [key]);
            using var clientA = gatewayA.CreateClient();
            using var clientB = gatewayB.CreateClient();

            var (sessionId, _) = await PostAsync(clientA, null,
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"VERSION","capabilities":{},"clientInfo":{"name":"gateway-test","version":"1.0.0"}}}"""
                    .Replace("VERSION", LegacyVersion, StringComparison.Ordinal));
            Assert.NotNull(sessionId);
            await PostAsync(clientB, sessionId, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            var instances = new List<string>();
            foreach (var client in new[] { clientB, clientA, clientB, clientA, clientB })
            {
                var (_, body) = await PostAsync(client, sessionId,
                    """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ping","arguments":{}}}""");
                instances.Add(Instance().Match(body) is { Success: true } match ? match.Groups[1].Value : $"no pong in: {body}");
            }

            Assert.Single(instances.Distinct());
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    private static async Task<(string? SessionId, string Body)> PostAsync(HttpClient client, string? sessionId, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (sessionId is not null)
        {
            request.Headers.Add(McpHeaders.SessionId, sessionId);
            request.Headers.Add(McpHeaders.ProtocolVersion, LegacyVersion);
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {json}: {body}");
        return (response.Headers.TryGetValues(McpHeaders.SessionId, out var values) ? values.Single() : null, body);
    }

    [GeneratedRegex(@"pong! instance=(\S+) ")]
    private static partial Regex Instance();
}
