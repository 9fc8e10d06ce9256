using McpDemo.Client.Failures;

namespace McpDemo.Client.CommandLine;

/// <summary>Parses and runs a command line; parse errors become one line each and <see cref="ExitCodes.Usage"/>.</summary>
internal static class ClientCommandLine
{
    public static async Task<int> InvokeAsync(string[] args, ClientContext context, CancellationToken cancellationToken)
    {
        var root = new ClientRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
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
        return await parseResult.InvokeAsync(cancellationToken: cancellationToken);
    }
}
