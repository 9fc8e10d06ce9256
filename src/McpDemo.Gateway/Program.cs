using McpDemo.Gateway;
using Microsoft.Extensions.Options;

// appsettings.json (YARP's routes and cluster, log levels) is read from beside the binary, whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();
builder.AddMcpGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
try
{
    // YARP loads and checks its configuration when mapped; the Gateway options are checked then and at start.
    app.MapMcpGateway();
    await app.StartAsync();
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"McpDemo.Gateway cannot start: {StartupFailure.Describe(e)}");
    return 1;
}
await app.WaitForShutdownAsync();
return 0;
