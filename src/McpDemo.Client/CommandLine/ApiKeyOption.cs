using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace McpDemo.Client.CommandLine;

/// <summary>
/// <c>--api-key KEY</c>, valid on every command, falling back to <c>MCP_API_KEY</c> (what the AppHost sets from
/// its <c>mcp-api-key</c> parameter). The key is sent as <c>Authorization: Bearer</c> and never printed.
/// </summary>
internal sealed class ApiKeyOption : Option<string?>
{
    /// <summary>The configuration key (an environment variable) read when the option is absent.</summary>
    public const string ConfigurationKey = "MCP_API_KEY";

    public ApiKeyOption()
        : base("--api-key")
    {
        Description = $"The key sent as 'Authorization: Bearer <key>' to a server that has Mcp:ApiKeys [default: ${ConfigurationKey}, else none]";
        HelpName = "key";
        Recursive = true;
    }

    /// <summary>The key to send, or null to send none.</summary>
    public string? Resolve(ParseResult parseResult, IConfiguration configuration) =>
        parseResult.GetValue(this) is { Length: > 0 } key ? key
        : configuration[ConfigurationKey] is { Length: > 0 } configured ? configured
        : null;
}
