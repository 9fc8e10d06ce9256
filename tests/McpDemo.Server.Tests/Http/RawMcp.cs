using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpDemo.Server.Tests.Http;

/// <summary>
/// Hand-built MCP requests over plain HTTP, for what an SDK client would never send (bad input) or does not expose
/// (a <c>subscriptions/listen</c> stream, a forged <c>requestState</c>).
/// </summary>
public static class RawMcp
{
    /// <summary>The protocol revision without sessions.</summary>
    public const string Current = "2026-07-28";

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
            request.Headers.Add("Mcp-Method", method);
        }
        if (name is not null)
        {
            request.Headers.Add("Mcp-Name", name);
        }
        if (protocolVersion is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", protocolVersion);
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

    /// <summary>The JSON-RPC message in a response: the body itself, or the first <c>data:</c> line of an SSE body.</summary>
    public static async Task<JsonElement> ReadMessageAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            text = text.Split('\n').First(line => line.StartsWith("data:", StringComparison.Ordinal))["data:".Length..];
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads the <c>data:</c> payloads of an SSE stream as they arrive, until it ends or is cancelled.</summary>
    public static async IAsyncEnumerable<JsonElement> ReadEventsAsync(
        HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Length > "data:".Length)
            {
                yield return JsonDocument.Parse(line["data:".Length..]).RootElement.Clone();
            }
        }
    }
}
