// appsettings.json is read from beside the binary, so the same settings apply whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddServiceDefaults();
builder.Services.AddMcpServer()
    .WithMcpDemoHttpTransport(builder.Configuration)
    .WithProductTools();

var app = builder.Build();

app.UseMcpGuards("/mcp");
app.MapMcp("/mcp").RequireMcpApiKey();
app.MapDefaultEndpoints();

app.Run();
