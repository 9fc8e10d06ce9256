using System.CommandLine;
using McpDemo.Client.CommandLine;
using McpDemo.Client.Connection;
using McpDemo.Client.Failures;
using McpDemo.Client.Tools;

namespace McpDemo.Client.Commands;

/// <summary><c>call &lt;tool&gt; --arg k=v ...</c>: calls one tool once and prints its result.</summary>
internal sealed class CallCommand : ClientCommand
{
    private readonly Argument<string> _tool = new("tool") { Description = "The tool to call (see the 'tools' command)." };
    private readonly ToolArgumentsOption _arguments = new();

    public CallCommand(ClientContext context, Connector connector)
        : base("call", "Call one tool and print its result: text, then structured content.", context, connector)
    {
        Add(_tool);
        Add(_arguments);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var tool = parseResult.GetRequiredValue(_tool);
        await using var connection = await Connector.OpenAsync(parseResult, ConnectionOptions.Default, cancellationToken);
        var result = await connection.Client.CallToolAsync(
            tool, parseResult.GetRequiredValue(_arguments), cancellationToken: cancellationToken);
        if (result.IsError == true)
        {
            throw new ClientFailure(ExitCodes.ToolError, $"Tool '{tool}' reported an error: {ToolResultText.Of(result)}");
        }
        ToolResultPrinter.Print(Console, result);
        return ExitCodes.Success;
    }
}
