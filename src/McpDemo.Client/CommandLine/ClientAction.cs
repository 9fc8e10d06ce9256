using System.CommandLine;
using McpDemo.Client.Failures;

namespace McpDemo.Client.CommandLine;

/// <summary>
/// Runs a command's body so that every failure ends as one line on stderr and a documented exit code,
/// never a stack trace.
/// </summary>
internal static class ClientAction
{
    /// <summary>Sets <paramref name="run"/> as the action of <paramref name="command"/>, translating its failures.</summary>
    public static void SetClientAction(
        this Command command, ClientContext context, Func<ParseResult, CancellationToken, Task<int>> run) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await run(parseResult, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("Interrupted.");
                return ExitCodes.Interrupted;
            }
            catch (Exception exception)
            {
                var failure = FailureTranslator.WhileCalling(exception);
                await context.Error.WriteLineAsync($"error: {failure.Message}");
                return failure.ExitCode;
            }
        });
}
