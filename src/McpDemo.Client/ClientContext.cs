using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace McpDemo.Client;

/// <summary>What every command needs from the host: configuration, logging and the console.</summary>
/// <param name="Configuration">Where the AppHost's endpoint reference is read from.</param>
/// <param name="LoggerFactory">Handed to the MCP SDK, so its logs travel with the client's telemetry.</param>
/// <param name="Console">Standard output, for results.</param>
/// <param name="Error">Standard error, for the one-line failure messages.</param>
/// <param name="Input">Standard input, where answers to the server's questions are read.</param>
internal sealed record ClientContext(
    IConfiguration Configuration,
    ILoggerFactory LoggerFactory,
    IAnsiConsole Console,
    TextWriter Error,
    TextReader Input);
