using McpDemo.Gateway;

// appsettings.json is read from beside the binary, so its log levels apply whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();
try
{
    builder.AddMcpGateway();
}
catch (GatewayConfigurationException e)
{
    await Console.Error.WriteLineAsync($"McpDemo.Gateway cannot start: {e.Message}");
    return 1;
}

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMcpGateway();
await app.RunAsync();
return 0;
