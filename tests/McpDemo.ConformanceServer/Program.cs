using McpDemo.ConformanceServer;
using McpDemo.StreamableHttp;

// The fixtures the official MCP conformance suite calls, served over the same HTTP layer as the product server.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddConformanceMcpServer().WithStreamableHttpTransport(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapStreamableHttp("/mcp");
app.Run();
