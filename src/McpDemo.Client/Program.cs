using McpDemo.Client;
using McpDemo.Client.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The host brings configuration (the AppHost's endpoint reference), telemetry and the parent-process
// watcher. The command line owns the console: no logger writes to it.
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.AddServiceDefaults();
builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
using var host = builder.Build();
await host.StartAsync();

// Ctrl+C, SIGTERM and a vanished parent all stop the application; commands see that as cancellation,
// so a loop or a watch still prints its summary.
var context = new ClientContext(
    host.Services.GetRequiredService<IConfiguration>(),
    host.Services.GetRequiredService<ILoggerFactory>(),
    ClientConsole.Create(),
    Console.Error,
    Console.In);
var exitCode = await ClientCommandLine.InvokeAsync(
    args, context, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);

await host.StopAsync();
return exitCode;
