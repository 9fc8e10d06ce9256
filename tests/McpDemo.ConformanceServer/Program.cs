using McpDemo.ConformanceServer;

// The fixtures the official MCP conformance suite calls, behind the same endpoint, guards and options as the product server.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddConformanceMcpServer().WithMcpDemoHttpTransport(builder.Configuration);

var app = builder.Build();
app.UseMcpRefusals("/mcp");
app.UseHostOriginValidation("/mcp");
app.UseAuthentication();
app.UseAuthorization();
app.MapMcp("/mcp").RequireMcpAuthorization().WithMcpRequestSizeLimit();
app.MapDefaultEndpoints();
app.Run();
