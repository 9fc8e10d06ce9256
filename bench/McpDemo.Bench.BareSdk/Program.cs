using System.Text.Json;
using McpDemo.Bench.BareSdk;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;

// A bare MapMcp server as the SDK's samples write one, answering ping like McpDemo.Server does.
// Configuration: --urls to bind, --instance and --version for the answer, --SessionMode (Stateless by default).
var builder = WebApplication.CreateSlimBuilder(args);
// No log line per request, as in McpDemo.Server's appsettings.json: the SDK logs every handled request at Information,
// and writing it to the console would cost more than the call.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("ModelContextProtocol", LogLevel.Warning);

// The SDK's own type infos first, then ours: under NativeAOT nothing else can describe PingResult's output schema.
var toolJson = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
toolJson.TypeInfoResolverChain.Add(BareSdkJsonContext.Default);

var sessionMode = Enum.Parse<HttpServerSessionMode>(builder.Configuration["SessionMode"] ?? nameof(HttpServerSessionMode.Stateless));
builder.Services.AddSingleton(new PingIdentity(builder.Configuration["instance"] ?? "bench", builder.Configuration["version"] ?? "1.0.0"));
builder.Services.AddMcpServer()
    .WithHttpTransport(transport => transport.SessionMode = sessionMode)
    .WithTools<PingTool>(toolJson);
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapMcp("/mcp");
// Readiness for the cold-start benchmark, as McpDemo.Server answers it.
app.MapHealthChecks("/health");
app.Run();
