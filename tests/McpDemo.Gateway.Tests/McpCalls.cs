using System.Net;
using System.Text;
using System.Text.Json;
using McpDemo.Testing;
using Xunit;

namespace McpDemo.Gateway.Tests;

/// <summary>JSON-RPC calls over MCP Streamable HTTP as a client sends them, addressed to <c>/mcp</c>.</summary>
internal static class McpCalls
{
    private static int s_nextId;

    /// <summary>A POST /mcp carrying a JSON-RPC request for <paramref name="method"/>, its params padded with <paramref name="padding"/> characters.</summary>
    public static HttpRequestMessage Post(string method, string? sessionId = null, int padding = 0)
    {
        var id = Interlocked.Increment(ref s_nextId);
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                $$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"{{{method}}}","params":{"padding":"{{{new string('x', padding)}}}"}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (sessionId is not null)
        {
            request.Headers.Add(McpHeaders.SessionId, sessionId);
        }
        return request;
    }

    /// <summary>A POST /mcp whose body calls <paramref name="bodyMethod"/> (with <c>params.name</c> <paramref name="bodyName"/>), with the given headers.</summary>
    public static HttpRequestMessage PostWithHeaders(string bodyMethod, string? protocolVersion, string? method = null, string? name = null, string? bodyName = null,
        string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = bodyMethod, @params = new { name = bodyName, arguments = new { } } }),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        AddIfSet(request, McpHeaders.ProtocolVersion, protocolVersion);
        AddIfSet(request, McpHeaders.Method, method);
        AddIfSet(request, McpHeaders.Name, name);
        AddIfSet(request, "Authorization", apiKey is null ? null : $"Bearer {apiKey}");
        return request;
    }

    private static void AddIfSet(HttpRequestMessage request, string header, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }

    /// <summary>
    /// Sends <paramref name="method"/> and returns the status and the replica's reply, whatever the status. The reply's
    /// <see cref="ReplicaReply.Session"/> is the session id the client sees (the gateway's wrapped one), if any.
    /// </summary>
    public static async Task<(HttpStatusCode Status, ReplicaReply Reply)> SendAsync(this HttpClient client, string method, string? sessionId = null)
    {
        using var response = await client.SendAsync(Post(method, sessionId));
        var body = await response.Content.ReadAsStringAsync();
        var reply = JsonSerializer.Deserialize<ReplicaReply>(body, JsonSerializerOptions.Web)!;
        Assert.True(reply.Instance is not null, $"{(int)response.StatusCode} from the gateway, not a replica: {body}");
        var clientSessionId = response.Headers.TryGetValues(McpHeaders.SessionId, out var values) ? values.Single() : null;
        return (response.StatusCode, reply with { Session = clientSessionId });
    }

    /// <summary>Sends <paramref name="method"/> and returns the replica's reply, asserting it succeeded.</summary>
    public static async Task<ReplicaReply> CallAsync(this HttpClient client, string method, string? sessionId = null)
    {
        var (status, reply) = await client.SendAsync(method, sessionId);
        Assert.Equal(HttpStatusCode.OK, status);
        return reply;
    }

    /// <summary>Calls <paramref name="method"/> <paramref name="count"/> times in a row and returns which replica answered each call.</summary>
    public static async Task<List<string>> InstancesAsync(this HttpClient client, int count, string method = "ping", string? sessionId = null)
    {
        var instances = new List<string>();
        for (var i = 0; i < count; i++)
        {
            instances.Add((await client.CallAsync(method, sessionId)).Instance);
        }
        return instances;
    }

    /// <summary>Initializes a session and returns the replica's reply, whose <see cref="ReplicaReply.Session"/> is the new id.</summary>
    public static Task<ReplicaReply> InitializeAsync(this HttpClient client) => client.CallAsync("initialize");
}
