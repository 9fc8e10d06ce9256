using System.CommandLine;
using McpDemo.Client.Authorization;
using McpDemo.Client.Failures;
using Microsoft.Extensions.Configuration;

namespace McpDemo.Client.CommandLine;

/// <summary>
/// How the caller proves who it is: <c>--client-id</c> and <c>--client-secret</c> (<c>MCP_CLIENT_ID</c>,
/// <c>MCP_CLIENT_SECRET</c>) for OAuth client credentials, or <c>--api-key</c> (<c>MCP_API_KEY</c>) for a static key.
/// Neither a secret nor a token is ever printed.
/// </summary>
internal sealed class CredentialOptions
{
    private readonly ConfiguredOption _clientId = new(
        "--client-id", "MCP_CLIENT_ID", "id",
        "The OAuth client that gets tokens with client credentials from the issuer the server names (with --client-secret)");

    private readonly ConfiguredOption _clientSecret = new(
        "--client-secret", "MCP_CLIENT_SECRET", "secret",
        "The secret of --client-id; prefer the variable, which stays out of the process list");

    private readonly ConfiguredOption _apiKey = new(
        "--api-key", "MCP_API_KEY", "key",
        "The key sent as 'Authorization: Bearer <key>' to a server that has Mcp:ApiKeys");

    private ClientCredentialsTokenSource? _tokens;

    /// <summary>Adds the options to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        root.Add(_clientId);
        root.Add(_clientSecret);
        root.Add(_apiKey);
    }

    /// <summary>
    /// The credentials the command line or configuration names: a client id wins over an API key. One token source serves
    /// the whole run; <paramref name="show"/>, when given, is told each step of getting its tokens.
    /// </summary>
    public CallerCredentials Resolve(ParseResult parseResult, IConfiguration configuration, Action<string>? show)
    {
        if (_clientId.Resolve(parseResult, configuration) is { } clientId)
        {
            var secret = _clientSecret.Resolve(parseResult, configuration)
                ?? throw new ClientFailure(ExitCodes.Usage, $"--client-id {clientId} needs its secret: set {_clientSecret.ConfigurationKey} (or pass --client-secret).");
            _tokens ??= new ClientCredentialsTokenSource(clientId, secret, show);
            return CallerCredentials.OAuth(_tokens);
        }
        return _apiKey.Resolve(parseResult, configuration) is { } key ? CallerCredentials.ApiKey(key) : CallerCredentials.None;
    }
}
