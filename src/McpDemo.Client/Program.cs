using McpDemo.Client;
using McpDemo.Client.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The host supplies configuration (the AppHost's endpoint reference) and logging; the command line
// owns the console, so no logger writes to it.
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
using var host = builder.Build();

var context = new ClientContext(
    host.Services.GetRequiredService<IConfiguration>(),
    host.Services.GetRequiredService<ILoggerFactory>(),
    ClientConsole.Create(),
    Console.Error);
using var stopSignal = new StopSignal();
return await ClientCommandLine.InvokeAsync(args, context, stopSignal.Token);
