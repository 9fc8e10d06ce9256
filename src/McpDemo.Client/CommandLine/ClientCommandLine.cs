using System.CommandLine;
using System.CommandLine.Invocation;
using McpDemo.Client.Failures;

namespace McpDemo.Client.CommandLine;

/// <summary>Parses and runs the client's command line.</summary>
internal static class ClientCommandLine
{
    /// <summary>
    /// Runs <paramref name="args"/> until done or <paramref name="cancellationToken"/> stops it; parse errors
    /// become one line each and <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, ClientContext context, CancellationToken cancellationToken)
    {
        var root = new ClientRootCommand(context);
        var parseResult = root.Parse(args);
        // --help and --version still win over errors (e.g. "call --help" without a tool name).
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                // Some messages list choices over several lines; keep each error on one.
                var oneLine = string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                await context.Error.WriteLineAsync($"error: {oneLine}");
            }
            await context.Error.WriteLineAsync($"Run '{root.Name} --help' for usage.");
            return ExitCodes.Usage;
        }
        // Signals are handled by the caller's token: System.CommandLine's own handling would end the
        // process before a loop or a watch could print its summary.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }
}
