using Xunit;

namespace McpDemo.Testing.Conformance;

/// <summary>
/// The official MCP conformance suite against one target in one session mode: one test per
/// scenario. A scenario passes when none of its checks fails or warns; a scenario in the mode's
/// baseline must fail, so the baseline never hides a scenario that has started to pass.
/// </summary>
public abstract class ConformanceTests<TRun>(TRun run)
    where TRun : ConformanceSuiteRun
{
    /// <summary>The scenarios this mode is expected to fail.</summary>
    protected abstract IReadOnlySet<string> ExpectedFailures { get; }

    [Theory]
    [MemberData(nameof(ConformanceScenarios.All), MemberType = typeof(ConformanceScenarios))]
    public void Scenario(string name) => ConformanceVerdict.AssertScenario(run, name, ExpectedFailures);

    [Fact]
    public void Suite_RunsExactlyTheListedScenarios()
    {
        Assert.True(run.Scenarios.Order().SequenceEqual(ConformanceScenarios.Active.Order()),
            $"The suite ran [{string.Join(", ", run.Scenarios.Order())}]; ConformanceScenarios.Active lists " +
            $"[{string.Join(", ", ConformanceScenarios.Active.Order())}].\n{Report(run.SuiteOutput)}");
    }

    [Fact]
    public void Baseline_NamesOnlyActiveScenarios()
    {
        Assert.Empty(ExpectedFailures.Except(ConformanceScenarios.Active));
    }

    private string Report(string suiteOutput) => ConformanceVerdict.Report(run, suiteOutput);
}
