using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>One run of the real AppHost process, e.g. with <c>--publisher manifest --output-path DIR</c>.</summary>
internal sealed record AppHostRun(int ExitCode, string Output)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);

    public static async Task<AppHostRun> StartAsync(params string[] args)
    {
        await using var process = TestProcess.StartProject("src/McpDemo.AppHost", args, new Dictionary<string, string?>
        {
            // jsii warns on every run under an older node; the warning is noise in test output.
            ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1",
        });
        var exitCode = await process.WaitForExitAsync(s_timeout);
        return new AppHostRun(exitCode, process.Output);
    }

    /// <summary>Fails with the output unless the run succeeded.</summary>
    public AppHostRun EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"The AppHost exited with {ExitCode}:\n{Output}");
}
