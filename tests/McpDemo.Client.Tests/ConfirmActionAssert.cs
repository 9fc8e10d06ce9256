using Xunit;

namespace McpDemo.Client.Tests;

/// <summary>Checks a finished <c>call confirm_action --arg action=deploy</c>: the question shown, the answer given, the tool's verdict.</summary>
internal static class ConfirmActionAssert
{
    public static void Answered(ClientRun run, string answer)
    {
        Assert.Contains(run.Lines, line => line.StartsWith("The server asks: ", StringComparison.Ordinal) && line.Contains("deploy", StringComparison.Ordinal));
        Assert.Contains($"answer: {answer}", run.Lines);
        // The tool answers "confirmed: <action>", or "not confirmed: <action> (<reason>)" for a declined question.
        var verdict = run.Lines[run.Lines.ToList().IndexOf($"answer: {answer}") + 1];
        Assert.StartsWith(answer == "yes" ? "confirmed: deploy" : "not confirmed: deploy", verdict, StringComparison.Ordinal);
    }
}
