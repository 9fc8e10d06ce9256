using System.CommandLine;

namespace McpDemo.Client.CommandLine;

/// <summary><c>--answer yes|no</c>: the answer to the server's question, given up front so scripts need no terminal.</summary>
internal sealed class AnswerOption : Option<string?>
{
    public AnswerOption()
        : base("--answer")
    {
        Description = "The answer to a question the server asks during the call (elicitation), e.g. confirm_action's [default: ask on the terminal]";
        HelpName = "yes|no";
        AcceptOnlyFromAmong("yes", "no");
    }

    /// <summary><see langword="true"/> for yes, <see langword="false"/> for no, <see langword="null"/> when the option is absent.</summary>
    public bool? ValueIn(ParseResult parseResult) => parseResult.GetValue(this) is { } text && TryParse(text, out var answer) ? answer : null;

    /// <summary>Reads y, yes, n or no, in any case.</summary>
    public static bool TryParse(string text, out bool answer)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "y" or "yes":
                answer = true;
                return true;
            case "n" or "no":
                answer = false;
                return true;
            default:
                answer = false;
                return false;
        }
    }
}
