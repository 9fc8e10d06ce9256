using System.CommandLine;
using McpDemo.Client.Connection;

namespace McpDemo.Client.CommandLine;

/// <summary>Opens MCP connections to the endpoint a command line names, with the API key it names.</summary>
internal sealed class Connector(ClientContext context, EndpointOption endpointOption, ApiKeyOption apiKeyOption)
{
    /// <summary>The endpoint the command line names, or a usage failure.</summary>
    public Uri ResolveEndpoint(ParseResult parseResult) => endpointOption.Resolve(parseResult, context.Configuration);

    /// <summary>The API key the command line or <c>MCP_API_KEY</c> names, or null for none.</summary>
    public string? ResolveApiKey(ParseResult parseResult) => apiKeyOption.Resolve(parseResult, context.Configuration);

    /// <summary>Connects to <paramref name="endpoint"/>, sending <paramref name="apiKey"/> if any, or throws a failure saying why not.</summary>
    public Task<McpConnection> OpenAsync(Uri endpoint, string? apiKey, ConnectionOptions options, CancellationToken cancellationToken) =>
        McpConnection.OpenAsync(endpoint, apiKey, options, context.LoggerFactory, cancellationToken);

    /// <summary>Connects to the endpoint the command line names.</summary>
    public Task<McpConnection> OpenAsync(ParseResult parseResult, ConnectionOptions options, CancellationToken cancellationToken) =>
        OpenAsync(ResolveEndpoint(parseResult), ResolveApiKey(parseResult), options, cancellationToken);
}
