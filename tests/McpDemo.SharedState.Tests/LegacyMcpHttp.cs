using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json.Nodes;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests;

/// <summary>An HTTP answer of an MCP endpoint, with its SSE events parsed when it is a stream.</summary>
public sealed record McpReply(HttpStatusCode Status, string? SessionId, string Body, IReadOnlyList<SseItem<string>> Events)
{
    /// <summary>The JSON-RPC message of a plain JSON answer, or the last event of a stream (the response).</summary>
    public JsonObject Message => JsonNode.Parse(Events.Count > 0 ? Events[^1].Data : Body)!.AsObject();
}

/// <summary>
/// Speaks protocol 2025-11-25 (the legacy, session-based one) over raw HTTP, so tests choose exactly which replica
/// each request goes to and see every status, header and event id.
/// </summary>
public sealed class LegacyMcpHttp(HttpClient http)
{
    /// <summary>The legacy protocol version the tests speak.</summary>
    public const string ProtocolVersion = RawMcp.Legacy;

    private int _nextId;

    /// <summary>Initializes a session on <paramref name="endpoint"/> as <paramref name="user"/> and returns its id.</summary>
    public async Task<string> StartSessionAsync(Uri endpoint, string? user = null)
    {
        var initialize = await PostAsync(endpoint, InitializeRequest(), sessionId: null, user);
        Assert.True(initialize.Status == HttpStatusCode.OK, $"initialize answered {initialize.Status}: {initialize.Body}");
        var sessionId = Assert.IsType<string>(initialize.SessionId);
        var initialized = await PostAsync(endpoint, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" }, sessionId, user);
        Assert.Equal(HttpStatusCode.Accepted, initialized.Status);
        return sessionId;
    }

    /// <summary>An <c>initialize</c> request of the legacy protocol.</summary>
    public JsonObject InitializeRequest() => Request("initialize", new JsonObject
    {
        ["protocolVersion"] = ProtocolVersion,
        ["capabilities"] = new JsonObject(),
        ["clientInfo"] = new JsonObject { ["name"] = "shared-state-tests", ["version"] = "1.0.0" },
    });

    /// <summary>Calls <paramref name="tool"/> in <paramref name="sessionId"/> on <paramref name="endpoint"/>.</summary>
    public Task<McpReply> CallToolAsync(Uri endpoint, string sessionId, string tool, JsonObject? arguments = null, string? user = null) =>
        PostAsync(endpoint, Request("tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments ?? new JsonObject() }), sessionId, user);

    /// <summary>The text of a successful tools/call reply.</summary>
    public static string ToolText(McpReply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.OK, $"tools/call answered {reply.Status}: {reply.Body}");
        var result = reply.Message["result"];
        Assert.True(result is not null, $"tools/call failed: {reply.Body}");
        Assert.NotEqual(true, result["isError"]?.GetValue<bool>());
        return result["content"]![0]!["text"]!.GetValue<string>();
    }

    /// <summary>Opens the session's GET stream, resuming after <paramref name="lastEventId"/>, and reads it to its end.</summary>
    public async Task<McpReply> ResumeAsync(Uri endpoint, string sessionId, string lastEventId, string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add(McpHeaders.LastEventId, lastEventId);
        AddSessionHeaders(request, sessionId, user);
        return await SendAsync(request);
    }

    /// <summary>POSTs one JSON-RPC message and reads the whole answer.</summary>
    public async Task<McpReply> PostAsync(Uri endpoint, JsonObject message, string? sessionId, string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        AddSessionHeaders(request, sessionId, user);
        return await SendAsync(request);
    }

    private JsonObject Request(string method, JsonObject parameters) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = method, ["params"] = parameters };

    private static void AddSessionHeaders(HttpRequestMessage request, string? sessionId, string? user)
    {
        if (sessionId is not null)
        {
            request.Headers.Add(McpHeaders.SessionId, sessionId);
            request.Headers.Add(McpHeaders.ProtocolVersion, ProtocolVersion);
        }
        if (user is not null)
        {
            request.Headers.Add(TestUserAuthentication.Header, user);
        }
    }

    private async Task<McpReply> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var sessionId = response.Headers.TryGetValues(McpHeaders.SessionId, out var values) ? values.First() : null;
        var events = RawMcp.IsEventStream(response) ? RawMcp.ParseEvents(body) : [];
        return new McpReply(response.StatusCode, sessionId, body, events);
    }
}
