using System.CommandLine;
using McpDemo.Client.CommandLine;
using McpDemo.Client.Connection;
using McpDemo.Client.Elicitation;
using McpDemo.Client.Failures;
using McpDemo.Client.Tools;

namespace McpDemo.Client.Commands;

/// <summary>
/// <c>call &lt;tool&gt; --arg k=v ...</c>: calls one tool once, prints its progress as it comes and then its
/// result, and answers the questions the tool asks on the way (<c>--answer</c>, or on the terminal).
/// </summary>
internal sealed class CallCommand : ClientCommand
{
    private readonly Argument<string> _tool = new("tool") { Description = "The tool to call (see the 'tools' command)." };
    private readonly ToolArgumentsOption _arguments = new();
    private readonly AnswerOption _answer = new();

    public CallCommand(ClientContext context, Connector connector)
        : base("call", "Call one tool and print its progress, then its result: text, then structured content.", context, connector)
    {
        Add(_tool);
        Add(_arguments);
        Add(_answer);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var tool = parseResult.GetRequiredValue(_tool);
        var answerer = new ElicitationAnswerer(Console, Context.Input, _answer.ValueIn(parseResult));
        var options = ConnectionOptions.Default with { ElicitationHandler = answerer.AnswerAsync };
        await using var connection = await Connector.OpenAsync(parseResult, options, cancellationToken);
        var progress = new ProgressPrinter(Console);
        var result = await connection.Client.CallToolAsync(tool, parseResult.GetRequiredValue(_arguments), progress, cancellationToken: cancellationToken);
        progress.Complete();
        if (answerer.Unanswered is { } unanswered)
        {
            throw unanswered;
        }
        if (result.IsError == true)
        {
            throw new ClientFailure(ExitCodes.ToolError, $"Tool '{tool}' reported an error: {ToolResultText.Of(result)}");
        }
        ToolResultPrinter.Print(Console, result);
        return ExitCodes.Success;
    }
}
