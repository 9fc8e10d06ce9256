namespace McpDemo.Client.Failures;

/// <summary>
/// A failure the user can act on: a one-line message saying what went wrong and what to do next,
/// and the exit code that classifies it. Commands throw it; the command runner prints it.
/// </summary>
public sealed class ClientFailure(int exitCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The process exit code for this failure (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = exitCode;
}
