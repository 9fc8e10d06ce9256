using System.Buffers;
using System.Text.Json;

// Parses the same JSON-RPC tools/call ping the product server gets and writes the same answer (a JSON body, as the
// server sends a lone response), with nothing in between: no MCP SDK, no sessions, no checks. The server's throughput is measured against this.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var instance = builder.Configuration["instance"] ?? "bench";
var version = builder.Configuration["version"] ?? "1.0.0";

app.MapPost("/mcp", async (HttpContext context) =>
{
    using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
    var root = request.RootElement;
    var parameters = root.GetProperty("params");
    if (root.GetProperty("method").GetString() != "tools/call" || parameters.GetProperty("name").GetString() != "ping")
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }
    var delayMs = parameters.TryGetProperty("arguments", out var arguments) && arguments.TryGetProperty("delayMs", out var delay)
        ? delay.GetInt32()
        : 0;

    var body = new ArrayBufferWriter<byte>(256);
    using (var json = new Utf8JsonWriter(body))
    {
        json.WriteStartObject();
        json.WriteStartObject("result");
        json.WriteStartArray("content");
        json.WriteStartObject();
        json.WriteString("type", "text");
        json.WriteString("text", $"pong! instance={instance} v={version} d={delayMs}");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("structuredContent");
        json.WriteString("instance", instance);
        json.WriteString("version", version);
        json.WriteNumber("delayMs", delayMs);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WritePropertyName("id");
        root.GetProperty("id").WriteTo(json);
        json.WriteString("jsonrpc", "2.0");
        json.WriteEndObject();
    }

    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.WrittenCount;
    await context.Response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted);
});

app.Run();
