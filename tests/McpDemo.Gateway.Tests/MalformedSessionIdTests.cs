using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

/// <summary>
/// Session ids the gateway did not mint, or minted under another key, in every shape a client or an attacker can send:
/// each is refused at the gateway as an unknown session (404, JSON-RPC error), never a 5xx, and never reaches a replica.
/// </summary>
public sealed class MalformedSessionIdTests
{
    private static readonly HttpMethod[] s_methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Delete];

    [Fact]
    public async Task MalformedSessionIds_Get404WithAJsonRpcError_OnGetPostAndDelete_AndReachNoReplica()
    {
        await using var topology = await Topology.StartAsync(2, gatewaySettings: $"--Gateway:Affinity:Key={NewKey()}");
        await using var otherKeyGateway = await GatewayProcess.StartAsync(topology.Replicas, [$"--Gateway:Affinity:Key={NewKey()}"]);
        var wrappedUnderAnotherKey = (await otherKeyGateway.CreateClient().InitializeAsync()).Session!;
        var forwardedBefore = topology.Replicas.Sum(replica => replica.McpRequestCount);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            // Lets the non-ASCII id leave the client as UTF-8 rather than be refused before it is sent.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        }) { BaseAddress = topology.Gateway.BaseAddress };

        var failures = new List<string>();
        foreach (var (name, sessionId) in Corpus(wrappedUnderAnotherKey))
        {
            foreach (var method in s_methods)
            {
                using var request = McpCalls.Post("ping");
                request.Method = method;
                if (method != HttpMethod.Post)
                {
                    request.Content = null;
                }
                request.Headers.TryAddWithoutValidation(McpHeaders.SessionId, sessionId);
                // Headers only: a request that got through to a replica's GET stream would otherwise wait for its end.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if (await SessionNotFoundProblemAsync(response) is { } problem)
                {
                    failures.Add($"{method} with {name}: {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures) + $"\n--- gateway ---\n{topology.Gateway.Output}");
        Assert.Equal(forwardedBefore, topology.Replicas.Sum(replica => replica.McpRequestCount));
    }

    private static IEnumerable<(string Name, string SessionId)> Corpus(string wrappedUnderAnotherKey) =>
    [
        ("an empty id", ""),
        ("a too short id", "abc"),
        ("a too long id", new string('A', 8000)),
        ("invalid base64url", "tampered-0000"),
        ("base64 rather than base64url", "ab+/cd=="),
        ("an inner space", "abcd efgh"),
        ("valid base64url of too few bytes", Convert.ToBase64String(RandomNumberGenerator.GetBytes(20)).TrimEnd('=').Replace('+', '-').Replace('/', '_')),
        ("valid base64url of random bytes", Convert.ToBase64String(RandomNumberGenerator.GetBytes(60)).TrimEnd('=').Replace('+', '-').Replace('/', '_')),
        ("an id wrapped under another key", wrappedUnderAnotherKey),
        ("a non-ASCII id", "sessión-ünïcödé"),
    ];

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is wrong with <paramref name="response"/> as the answer to an unknown session; null when nothing.</summary>
    private static async Task<string?> SessionNotFoundProblemAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            return $"{(int)response.StatusCode} {response.Content.Headers.ContentType}";
        }
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            using var error = JsonDocument.Parse(body);
            return error.RootElement.GetProperty("jsonrpc").GetString() == "2.0" &&
                error.RootElement.GetProperty("error").GetProperty("code").ValueKind == JsonValueKind.Number &&
                error.RootElement.GetProperty("id").ValueKind == JsonValueKind.Null
                ? null
                : $"not a JSON-RPC error: {body}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"not a JSON-RPC error: {body}";
        }
    }
}
