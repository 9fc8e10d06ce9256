using McpDemo.Gateway;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddMcpGateway();
}
catch (GatewayConfigurationException e)
{
    await Console.Error.WriteLineAsync($"McpDemo.Gateway cannot start: {e.Message}");
    return 1;
}
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapMcpGateway();
await app.RunAsync();
return 0;
