using System.CommandLine;
using McpDemo.Client.Connection;
using Microsoft.Extensions.Configuration;

namespace McpDemo.Client.CommandLine;

/// <summary><c>--endpoint URL</c>, valid on every command, falling back to the AppHost's gateway reference.</summary>
internal sealed class EndpointOption : Option<string?>
{
    public EndpointOption()
        : base("--endpoint", "-e")
    {
        Description = "The MCP endpoint, e.g. http://localhost:8080/mcp [default: the AppHost's services__gateway__http__0 + /mcp]";
        HelpName = "url";
        Recursive = true;
    }

    /// <summary>The endpoint to talk to, or a usage failure saying how to name one.</summary>
    public Uri Resolve(ParseResult parseResult, IConfiguration configuration) =>
        EndpointResolver.Resolve(parseResult.GetValue(this), configuration);
}
