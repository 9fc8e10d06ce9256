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
        return await FinishAsync(client);
    }

    /// <summary>
    /// Runs the client with <paramref name="standardInput"/> piped to it, then the end of input, as a script
    /// that answers the client's questions would (<c>printf 'yes\n' | client ...</c>).
    /// </summary>
    public static async Task<ClientRun> RunWithInputAsync(string standardInput, params string[] arguments)
    {
        await using var client = TestProcess.Start(
            "sh",
            ["-c", "input=$1; shift; printf '%s' \"$input\" | dotnet \"$@\"", "sh", standardInput, RepoLayout.ProjectDll(Project), .. arguments],
            Isolated(null));
        return await FinishAsync(client);
    }

    /// <summary>Starts the client; the caller decides when it ends.</summary>
    public static TestProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        TestProcess.StartProject(Project, arguments, Isolated(environment));

    private static async Task<ClientRun> FinishAsync(TestProcess client)
    {
        var exitCode = await client.WaitForExitAsync(RunTimeout);
        return new ClientRun(exitCode, client.Output);
    }

    /// <summary>A developer's shell or an AppHost may have set the gateway reference; tests name their endpoint.</summary>
    private static Dictionary<string, string?> Isolated(IReadOnlyDictionary<string, string?>? environment)
    {
        var isolated = new Dictionary<string, string?> { ["services__gateway__http__0"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            isolated[key] = value;
        }
        return isolated;
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
