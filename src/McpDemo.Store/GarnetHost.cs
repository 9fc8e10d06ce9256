using Garnet;
using Microsoft.Extensions.Options;

namespace McpDemo.Store;

/// <summary>Runs an embedded Garnet server, a Redis-protocol store, for as long as the host runs.</summary>
public sealed partial class GarnetHost(IOptions<StoreOptions> options, ILoggerFactory loggerFactory, ILogger<GarnetHost> logger)
    : IHostedService, IDisposable
{
    private GarnetServer? _server;

    /// <summary>Whether the server has started and not yet stopped.</summary>
    public bool IsRunning => _server is not null;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        // Garnet's own command line is its stable configuration surface; the options above map onto it one to one.
        string[] arguments = ["--bind", o.Bind, "--port", o.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--memory", o.MemorySize, "--index", o.IndexSize];
        _server = new GarnetServer(arguments, loggerFactory);
        _server.Start();
        LogListening(o.Bind, o.Port);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Garnet is listening on {Address}:{Port} (Redis protocol).")]
    private partial void LogListening(string address, int port);
}
