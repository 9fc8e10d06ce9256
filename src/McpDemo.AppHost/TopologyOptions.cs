using System.CommandLine;
using McpDemo.Hosting;

namespace McpDemo.AppHost;

/// <summary>The AppHost's own options: how the MCP servers keep sessions, how many of them run, and where the gateway listens.</summary>
internal static class TopologyOptions
{
    public static readonly Option<string> Mode = new("--mode")
    {
        Description = "How the MCP servers keep sessions: stateless (any replica answers) or stateful (sessions pinned to a replica).",
        DefaultValueFactory = _ => "stateless",
    };

    public static readonly Option<int> Replicas = CreateReplicas();

    public static readonly Option<int> GatewayPort = CreateGatewayPort();

    static TopologyOptions() => Mode.AcceptOnlyFromAmong("stateless", "stateful");

    /// <summary>The session mode as the server's <c>--Mcp:SessionMode</c> spells it.</summary>
    public static string SessionMode(ParseResult parsed) => parsed.GetValue(Mode) == "stateful" ? "Stateful" : "Stateless";

    private static Option<int> CreateGatewayPort()
    {
        var option = new Option<int>("--gateway-port")
        {
            Description = "The port the gateway listens on (1 to 65535), for when 8080 is taken.",
            DefaultValueFactory = _ => 8080,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var port) && port is < 1 or > 65535)
            {
                result.AddError($"--gateway-port must be between 1 and 65535, not {port}.");
            }
        });
        return option;
    }

    private static Option<int> CreateReplicas()
    {
        var option = new Option<int>("--replicas")
        {
            Description = $"How many MCP server replicas run behind the gateway (1 to {ResourceBuilderExtensions.MaxReplicas}).",
            DefaultValueFactory = _ => 3,
        };
        option.Validators.Add(result =>
        {
            // Tokens that are not numbers are already reported by the parser; only judge real numbers.
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var replicas)
                && replicas is < 1 or > ResourceBuilderExtensions.MaxReplicas)
            {
                result.AddError($"--replicas must be between 1 and {ResourceBuilderExtensions.MaxReplicas}, not {replicas}.");
            }
        });
        return option;
    }
}
