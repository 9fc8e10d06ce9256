using Spectre.Console;

namespace McpDemo.Client;

/// <summary>The console results are written to: rich on a terminal, plain and unwrapped when redirected.</summary>
internal static class ClientConsole
{
    /// <summary>Wide enough that redirected lines are never wrapped; tables still take only the width they need.</summary>
    private const int RedirectedWidth = 1000;

    public static IAnsiConsole Create()
    {
        if (!Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }
        // Files, pipes and test harnesses get no escape codes, no live widgets and no wrapping.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = RedirectedWidth;
        return console;
    }
}
