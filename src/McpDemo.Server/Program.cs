using McpDemo.StreamableHttp;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddMcpServer()
    .WithProductTools()
    .WithStreamableHttpTransport(builder.Configuration);

var app = builder.Build();

app.MapStreamableHttp("/mcp");
app.MapDefaultEndpoints();

app.Run();
