using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpDemo.Testing;

/// <summary>
/// Hand-built MCP requests over plain HTTP, for what an SDK client would never send (bad input) or does not expose
/// (a <c>subscriptions/listen</c> stream, a forged <c>requestState</c>, the event ids of a stream). Answers are read
/// with <see cref="SseParser"/>, the parser the SDK's own client uses, so a test sees events as any MCP client would.
/// </summary>
public static class RawMcp
{
    /// <summary>The protocol revision without sessions.</summary>
    public const string Current = "2026-07-28";

    /// <summary>The last protocol revision with sessions.</summary>
    public const string Legacy = "2025-11-25";

    /// <summary>The <c>_meta</c> a 2026-07-28 request carries in place of the <c>initialize</c> handshake.</summary>
    public static JsonObject Meta(string protocolVersion = Current) => new()
    {
        ["io.modelcontextprotocol/protocolVersion"] = protocolVersion,
        ["io.modelcontextprotocol/clientCapabilities"] = new JsonObject { ["elicitation"] = new JsonObject() },
        ["io.modelcontextprotocol/clientInfo"] = new JsonObject { ["name"] = "mcpdemo-raw-test", ["version"] = "1.0.0" },
    };

    /// <summary>A JSON-RPC request body; a 2026-07-28 one (with <see cref="Meta"/>) unless <paramref name="meta"/> says otherwise.</summary>
    public static string Body(string method, JsonObject? parameters = null, JsonNode? meta = null, object id = default!)
    {
        parameters ??= [];
        parameters["_meta"] = meta ?? Meta();
        return new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = JsonValue.Create(id ?? 1),
            ["method"] = method,
            ["params"] = parameters,
        }.ToJsonString();
    }

    /// <summary>A POST to <paramref name="endpoint"/> with the headers a 2026-07-28 client sends for <paramref name="method"/>.</summary>
    public static HttpRequestMessage Post(Uri endpoint, string body, string? method, string? name = null, string? protocolVersion = Current)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (method is not null)
        {
            request.Headers.Add(McpHeaders.Method, method);
        }
        if (name is not null)
        {
            request.Headers.Add(McpHeaders.Name, name);
        }
        if (protocolVersion is not null)
        {
            request.Headers.Add(McpHeaders.ProtocolVersion, protocolVersion);
        }
        return request;
    }

    /// <summary>A 2026-07-28 <c>tools/call</c>: its body and headers agree.</summary>
    public static HttpRequestMessage CallTool(Uri endpoint, string tool, JsonObject arguments, Action<JsonObject>? adjustParams = null)
    {
        var parameters = new JsonObject { ["name"] = tool, ["arguments"] = arguments };
        adjustParams?.Invoke(parameters);
        return Post(endpoint, Body("tools/call", parameters), "tools/call", tool);
    }

    /// <summary>The JSON-RPC message in a response: the body itself, or the first event of an SSE body.</summary>
    public static async Task<JsonElement> ReadMessageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var json = IsEventStream(response) ? ParseEvents(body).First().Data : body;
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Whether <paramref name="response"/> is an SSE stream rather than one JSON answer.</summary>
    public static bool IsEventStream(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "text/event-stream";

    /// <summary>The events of a whole SSE body that carry data; priming events (an id, no data) only mark a resumption point.</summary>
    public static IReadOnlyList<SseItem<string>> ParseEvents(string body) =>
        SseParser.Create(new MemoryStream(Encoding.UTF8.GetBytes(body))).Enumerate().Where(HasData).ToList();

    /// <summary>Every event of an SSE stream, priming ones included, as they arrive, until it ends or is cancelled.</summary>
    public static async IAsyncEnumerable<SseItem<string>> ReadSseAsync(
        HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>The JSON-RPC messages of an SSE stream as they arrive, until it ends or is cancelled.</summary>
    public static async IAsyncEnumerable<JsonElement> ReadEventsAsync(
        HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in ReadSseAsync(response, cancellationToken))
        {
            if (HasData(item))
            {
                yield return JsonDocument.Parse(item.Data).RootElement.Clone();
            }
        }
    }

    /// <summary>The data of the next event, or null when the stream ends first.</summary>
    public static async Task<string?> NextDataAsync(this IAsyncEnumerator<SseItem<string>> events) =>
        await events.MoveNextAsync() ? events.Current.Data : null;

    private static bool HasData(SseItem<string> item) => item.Data.Length > 0;
}
