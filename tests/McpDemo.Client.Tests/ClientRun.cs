using McpDemo.Testing;

namespace McpDemo.Client.Tests;

/// <summary>One finished run of the built client: its exit code and everything it wrote.</summary>
public sealed record ClientRun(int ExitCode, string Output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The client project, as <see cref="TestProcess.StartProject"/> names it.</summary>
    public const string Project = "src/McpDemo.Client";

    /// <summary>The output lines.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n');

    /// <summary>Runs the client with <paramref name="arguments"/> until it exits by itself.</summary>
    public static Task<ClientRun> RunAsync(params string[] arguments) => RunAsync(arguments, environment: null);

    /// <summary>Runs the client with <paramref name="arguments"/> and extra environment until it exits by itself.</summary>
    public static async Task<ClientRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        await using var client = Start(arguments, environment);
        var exitCode = await client.WaitForExitAsync(RunTimeout);
        return new ClientRun(exitCode, client.Output);
    }

    /// <summary>Starts the client; the caller decides when it ends.</summary>
    public static TestProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // A developer's shell or an AppHost may have set the gateway reference; tests name their endpoint.
        var isolated = new Dictionary<string, string?> { ["services__gateway__http__0"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            isolated[key] = value;
        }
        return TestProcess.StartProject(Project, arguments, isolated);
    }

    /// <summary>Fails with the output when the run did not end with <paramref name="expected"/>.</summary>
    public ClientRun AssertExitCode(int expected)
    {
        Xunit.Assert.True(ExitCode == expected, $"Expected exit code {expected}, got {ExitCode}. Output:\n{Output}");
        return this;
    }

    /// <summary>Fails when the output holds a .NET stack trace: every failure must be one plain line.</summary>
    public ClientRun AssertNoStackTrace()
    {
        Xunit.Assert.DoesNotContain("   at ", Output, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("Exception:", Output, StringComparison.Ordinal);
        return this;
    }
}
