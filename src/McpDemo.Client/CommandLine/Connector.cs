using System.CommandLine;
using McpDemo.Client.Connection;

namespace McpDemo.Client.CommandLine;

/// <summary>Opens MCP connections to the endpoint a command line names.</summary>
internal sealed class Connector(ClientContext context, EndpointOption endpointOption)
{
    /// <summary>The endpoint the command line names, or a usage failure.</summary>
    public Uri ResolveEndpoint(ParseResult parseResult) => endpointOption.Resolve(parseResult, context.Configuration);

    /// <summary>Connects to <paramref name="endpoint"/>, or throws a failure saying why not.</summary>
    public Task<McpConnection> OpenAsync(Uri endpoint, ConnectionOptions options, CancellationToken cancellationToken) =>
        McpConnection.OpenAsync(endpoint, options, context.LoggerFactory, cancellationToken);

    /// <summary>Connects to the endpoint the command line names.</summary>
    public Task<McpConnection> OpenAsync(ParseResult parseResult, ConnectionOptions options, CancellationToken cancellationToken) =>
        OpenAsync(ResolveEndpoint(parseResult), options, cancellationToken);
}
