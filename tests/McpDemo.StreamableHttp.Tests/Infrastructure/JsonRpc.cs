using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpDemo.StreamableHttp.Tests.Infrastructure;

/// <summary>JSON-RPC bodies and answers as raw text, so tests see exactly what crosses the wire.</summary>
public static class JsonRpc
{
    public const string ProtocolVersion = "2025-11-25";

    public static string Initialize(int id = 1) => Request(id, "initialize", new JsonObject
    {
        ["protocolVersion"] = ProtocolVersion,
        ["capabilities"] = new JsonObject { ["sampling"] = new JsonObject() },
        ["clientInfo"] = new JsonObject { ["name"] = "tests", ["version"] = "1.0.0" },
    });

    public static string CallTool(string name, JsonObject? arguments = null, int id = 2) => Request(id, "tools/call", new JsonObject
    {
        ["name"] = name,
        ["arguments"] = arguments ?? new JsonObject(),
    });

    public static string Request(int id, string method, JsonObject? parameters = null) => new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["method"] = method,
        ["params"] = parameters ?? new JsonObject(),
    }.ToJsonString();

    public static string Notification(string method) => new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method }.ToJsonString();

    /// <summary>The JSON-RPC messages in an SSE body, in order.</summary>
    public static List<JsonElement> ReadSseMessages(string sseBody)
    {
        var messages = new List<JsonElement>();
        foreach (var line in sseBody.Split('\n'))
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Length > "data:".Length)
            {
                var data = line["data:".Length..].Trim();
                if (data.Length > 0)
                {
                    messages.Add(JsonDocument.Parse(data).RootElement.Clone());
                }
            }
        }

        return messages;
    }

    /// <summary>The one JSON-RPC answer of a POST, whether it came as SSE or as JSON.</summary>
    public static async Task<JsonElement> ReadAnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? ReadSseMessages(body).Last()
            : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static int ErrorCode(JsonElement answer) => answer.GetProperty("error").GetProperty("code").GetInt32();
}
