using Xunit;

namespace McpDemo.Testing.Conformance;

/// <summary>How a scenario of a conformance run is judged against a baseline of expected failures.</summary>
public static class ConformanceVerdict
{
    /// <summary>
    /// A scenario passes when none of its checks fails or warns; a scenario in <paramref name="expectedFailures"/>
    /// must fail, so the baseline never hides a scenario that has started to pass.
    /// </summary>
    public static void AssertScenario(ConformanceSuiteRun run, string name, IReadOnlySet<string> expectedFailures)
    {
        ArgumentNullException.ThrowIfNull(run);
        var checks = run.ChecksOf(name);
        Assert.True(checks is not null, $"The suite did not run scenario {name}.\n{Report(run, run.SuiteOutput)}");

        var problems = checks.Where(check => check.IsProblem).ToList();
        if (expectedFailures.Contains(name))
        {
            Assert.True(problems.Count > 0,
                $"Scenario {name} passes in {run.SessionMode} mode but is listed as an expected failure: remove it from the baseline.");
        }
        else
        {
            Assert.True(problems.Count == 0,
                $"Scenario {name} fails in {run.SessionMode} mode:\n  {string.Join("\n  ", problems)}\n{Report(run, run.SuiteOutputOf(name))}");
        }
    }

    /// <summary>The suite's and the target's output, for a failure message.</summary>
    public static string Report(ConformanceSuiteRun run, string suiteOutput)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"--- conformance suite output ---\n{suiteOutput}\n--- target output ({run.SessionMode}) ---\n{run.ServerOutput}";
    }
}
