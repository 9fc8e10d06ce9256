using System.CommandLine;
using McpDemo.Client.Authorization;
using McpDemo.Client.Connection;

namespace McpDemo.Client.CommandLine;

/// <summary>Opens MCP connections to the endpoint a command line names, with the credentials and protocol revision it names.</summary>
internal sealed class Connector(ClientContext context, EndpointOption endpointOption, CredentialOptions credentialOptions, ProtocolOption protocolOption)
{
    /// <summary>The endpoint the command line names, or a usage failure.</summary>
    public Uri ResolveEndpoint(ParseResult parseResult) => endpointOption.Resolve(parseResult, context.Configuration);

    /// <summary>
    /// The credentials the command line or configuration names (none when it names none); <paramref name="show"/>, when
    /// given, is told each step of an OAuth flow.
    /// </summary>
    public CallerCredentials ResolveCredentials(ParseResult parseResult, Action<string>? show = null) =>
        credentialOptions.Resolve(parseResult, context.Configuration, show);

    /// <summary><paramref name="options"/> with the protocol revision the command line pins, if any.</summary>
    public ConnectionOptions WithProtocol(ParseResult parseResult, ConnectionOptions options) =>
        parseResult.GetValue(protocolOption) is { } version ? options with { ProtocolVersion = version } : options;

    /// <summary>Connects to <paramref name="endpoint"/> with <paramref name="credentials"/>, or throws a failure saying why not.</summary>
    public Task<McpConnection> OpenAsync(Uri endpoint, CallerCredentials credentials, ConnectionOptions options, CancellationToken cancellationToken) =>
        McpConnection.OpenAsync(endpoint, credentials, options, context.LoggerFactory, cancellationToken);

    /// <summary>Connects to the endpoint the command line names, speaking the revision it pins.</summary>
    public Task<McpConnection> OpenAsync(ParseResult parseResult, ConnectionOptions options, CancellationToken cancellationToken) =>
        OpenAsync(ResolveEndpoint(parseResult), ResolveCredentials(parseResult), WithProtocol(parseResult, options), cancellationToken);
}
