using System.Text.Json;
using McpDemo.Client.CommandLine;
using McpDemo.Client.Failures;
using ModelContextProtocol.Protocol;
using Spectre.Console;

namespace McpDemo.Client.Elicitation;

/// <summary>
/// Answers the server's yes/no questions (form elicitations, such as <c>confirm_action</c>'s): with the
/// answer given up front (<c>--answer</c>), else by asking and reading a line from standard input. The same
/// handler serves a legacy session's <c>elicitation/create</c> request and a 2026-07-28
/// <c>input_required</c> result; the SDK routes both here.
/// </summary>
/// <param name="console">Where the question and the answer are shown.</param>
/// <param name="input">Where an answer is read from when none was given up front: the terminal, or a script's pipe.</param>
/// <param name="presetAnswer"><see langword="true"/> for yes, <see langword="false"/> for no, <see langword="null"/> to ask.</param>
internal sealed class ElicitationAnswerer(IAnsiConsole console, TextReader input, bool? presetAnswer)
{
    /// <summary>
    /// Set when a question could not be answered (standard input ended before an answer). The server was told
    /// "cancel"; the command reports this failure once the call returns, whatever the tool made of it.
    /// </summary>
    public ClientFailure? Unanswered { get; private set; }

    /// <summary>The SDK's elicitation handler.</summary>
    public async ValueTask<ElicitResult> AnswerAsync(ElicitRequestParams? request, CancellationToken cancellationToken)
    {
        var question = request?.Message ?? "The server asks for confirmation.";
        console.MarkupLineInterpolated($"[bold]The server asks:[/] {question}");
        var yes = presetAnswer ?? await AskAsync(cancellationToken);
        if (yes is not { } answer)
        {
            Unanswered = new ClientFailure(
                ExitCodes.Usage,
                $"The server asked \"{question}\" and got no answer: standard input ended. Pass --answer yes or --answer no, or run on a terminal.");
            return new ElicitResult { Action = "cancel" };
        }
        console.WriteLine($"answer: {(answer ? "yes" : "no")}");
        return answer ? Accept(request) : new ElicitResult { Action = "decline" };
    }

    /// <summary>Reads lines until one says yes or no; <see langword="null"/> when the input ends first.</summary>
    private async Task<bool?> AskAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // A whole line, so what follows starts on its own line even when a pipe (which echoes nothing) answers.
            console.MarkupLine("Confirm? [[y/n]]");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return null;
            }
            if (AnswerOption.TryParse(line, out var answer))
            {
                return answer;
            }
            console.WriteLine("Please answer yes or no.");
        }
    }

    /// <summary>Accepts with every yes/no field of the form set to yes; the SDK fills other fields from their defaults.</summary>
    private static ElicitResult Accept(ElicitRequestParams? request) => new()
    {
        Action = "accept",
        Content = request?.RequestedSchema?.Properties
            .Where(property => property.Value is ElicitRequestParams.BooleanSchema)
            .ToDictionary(property => property.Key, _ => JsonSerializer.SerializeToElement(true)),
    };
}
