using McpDemo.Gateway;

var builder = WebApplication.CreateBuilder(args);
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
