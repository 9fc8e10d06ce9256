using System.CommandLine;
using McpDemo.Client.Connection;

namespace McpDemo.Client.CommandLine;

/// <summary>Opens MCP connections to the endpoint a command line names, with the API key and protocol revision it names.</summary>
internal sealed class Connector(ClientContext context, EndpointOption endpointOption, ApiKeyOption apiKeyOption, ProtocolOption protocolOption)
{
    /// <summary>The endpoint the command line names, or a usage failure.</summary>
    public Uri ResolveEndpoint(ParseResult parseResult) => endpointOption.Resolve(parseResult, context.Configuration);

    /// <summary>The API key the command line or <c>MCP_API_KEY</c> names, or null for none.</summary>
    public string? ResolveApiKey(ParseResult parseResult) => apiKeyOption.Resolve(parseResult, context.Configuration);

    /// <summary><paramref name="options"/> with the protocol revision the command line pins, if any.</summary>
    public ConnectionOptions WithProtocol(ParseResult parseResult, ConnectionOptions options) =>
        parseResult.GetValue(protocolOption) is { } version ? options with { ProtocolVersion = version } : options;

    /// <summary>Connects to <paramref name="endpoint"/>, sending <paramref name="apiKey"/> if any, or throws a failure saying why not.</summary>
    public Task<McpConnection> OpenAsync(Uri endpoint, string? apiKey, ConnectionOptions options, CancellationToken cancellationToken) =>
        McpConnection.OpenAsync(endpoint, apiKey, options, context.LoggerFactory, cancellationToken);

    /// <summary>Connects to the endpoint the command line names, speaking the revision it pins.</summary>
    public Task<McpConnection> OpenAsync(ParseResult parseResult, ConnectionOptions options, CancellationToken cancellationToken) =>
        OpenAsync(ResolveEndpoint(parseResult), ResolveApiKey(parseResult), WithProtocol(parseResult, options), cancellationToken);
}
