using McpDemo.StreamableHttp;

// appsettings.json is read from beside the binary, so the same settings apply whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddServiceDefaults();
builder.Services.AddMcpServer()
    .WithProductTools()
    .WithStreamableHttpTransport(builder.Configuration);

var app = builder.Build();

app.MapStreamableHttp("/mcp");
app.MapDefaultEndpoints();

app.Run();
