using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace McpDemo.Testing.Conformance;

/// <summary>
/// One run of the official conformance suite's active server scenarios against an MCP endpoint that
/// <see cref="StartTargetAsync"/> starts (the conformance host alone, or behind the gateway), shared by
/// that target's tests. The suite runs once and each scenario's checks are read from its <c>checks.json</c>:
/// one process per scenario would cost a Node start each, for the same results.
/// </summary>
public abstract partial class ConformanceSuiteRun : IAsyncLifetime
{
    private static readonly TimeSpan SuiteTimeout = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo _resultsFolder = Directory.CreateTempSubdirectory("mcpdemo-conformance-");
    private IReadOnlyDictionary<string, IReadOnlyList<ConformanceCheck>> _scenarios = new Dictionary<string, IReadOnlyList<ConformanceCheck>>();

    /// <summary><c>Stateless</c> or <c>Stateful</c>.</summary>
    public abstract string SessionMode { get; }

    /// <summary>Everything the suite printed.</summary>
    public string SuiteOutput { get; private set; } = "";

    /// <summary>Everything the target printed while the suite ran.</summary>
    public string ServerOutput { get; private set; } = "";

    /// <summary>The scenarios the suite ran.</summary>
    public IEnumerable<string> Scenarios => _scenarios.Keys;

    /// <summary>What the suite printed while it ran <paramref name="scenario"/>, or all its output when it printed no such section.</summary>
    public string SuiteOutputOf(string scenario)
    {
        var header = $"=== Running scenario: {scenario} ===";
        var start = SuiteOutput.IndexOf(header, StringComparison.Ordinal);
        if (start < 0)
        {
            return SuiteOutput;
        }
        var end = SuiteOutput.IndexOf("=== Running scenario: ", start + header.Length, StringComparison.Ordinal);
        return end < 0 ? SuiteOutput[start..] : SuiteOutput[start..end];
    }

    /// <summary>The checks of <paramref name="scenario"/>, or null when the suite did not run it.</summary>
    public IReadOnlyList<ConformanceCheck>? ChecksOf(string scenario) => _scenarios.GetValueOrDefault(scenario);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await using var server = await StartTargetAsync();
        await using var suite = NodeTools.Start(
            NodeTools.Module(SuiteModule),
            ["server", "--url", server.McpEndpoint.ToString(), "--output-dir", _resultsFolder.FullName, .. SuiteArguments]);
        try
        {
            // The exit code only says whether some scenario failed; the tests judge each scenario.
            await suite.WaitForExitAsync(SuiteTimeout);
        }
        finally
        {
            SuiteOutput = suite.Output;
            ServerOutput = server.Output;
        }
        _scenarios = ReadResults(_resultsFolder);
    }

    /// <summary>The suite's entry point under eng/tools/node_modules: 0.1.16 (the 2025 active suite) unless overridden.</summary>
    protected virtual string SuiteModule => "@modelcontextprotocol/conformance/dist/index.js";

    /// <summary>Arguments after the URL and output folder, such as <c>--requirements 2026-07-28</c>.</summary>
    protected virtual IReadOnlyList<string> SuiteArguments => [];

    /// <summary>Starts the MCP server the suite runs against, in <see cref="SessionMode"/>.</summary>
    protected abstract Task<IRunningMcpServer> StartTargetAsync();

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _resultsFolder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    // The suite writes <output-dir>/server-<scenario>-<timestamp>/checks.json per scenario.
    private static Dictionary<string, IReadOnlyList<ConformanceCheck>> ReadResults(DirectoryInfo folder) =>
        folder.EnumerateFiles("checks.json", SearchOption.AllDirectories).ToDictionary(
            file => ResultFolderName().Match(file.Directory!.Name) is { Success: true } match
                ? match.Groups["scenario"].Value
                : throw new InvalidOperationException($"Unexpected result folder {file.Directory.FullName}"),
            file => (IReadOnlyList<ConformanceCheck>)(JsonSerializer.Deserialize<ConformanceCheck[]>(
                File.ReadAllText(file.FullName), JsonSerializerOptions.Web) ?? []));

    [GeneratedRegex(@"^server-(?<scenario>.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$")]
    private static partial Regex ResultFolderName();
}
