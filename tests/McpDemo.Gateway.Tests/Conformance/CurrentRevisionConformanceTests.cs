using McpDemo.Testing;
using McpDemo.Testing.Conformance;
using Xunit;

namespace McpDemo.Gateway.Tests.Conformance;

/// <summary>
/// The 2026-07-28 conformance suite (0.2.0-alpha.12, <c>--requirements 2026-07-28</c>) through the gateway against 3
/// stateless replicas: the gateway's header checks, routing and streaming must let every required scenario pass.
/// </summary>
public sealed class CurrentRevisionConformanceTests(CurrentRevisionConformanceTests.Run run) : IClassFixture<CurrentRevisionConformanceTests.Run>
{
    [Fact]
    public void EveryScenarioTheRevisionRequires_PassesThroughTheGateway()
    {
        var failures = run.Scenarios
            .Select(scenario => (Scenario: scenario, Problems: run.ChecksOf(scenario)!.Where(check => check.IsProblem).ToList()))
            .Where(result => result.Problems.Count > 0)
            .ToList();

        Assert.True(run.Scenarios.Contains("server-stateless"), $"The suite did not run server-stateless.\n{run.SuiteOutput}");
        Assert.True(failures.Count == 0,
            string.Join("\n", failures.Select(failure => $"{failure.Scenario}:\n  {string.Join("\n  ", failure.Problems)}")) +
            $"\n--- conformance suite output ---\n{run.SuiteOutput}\n--- target output ---\n{run.ServerOutput}");
    }

    /// <summary>The 0.2.0-alpha.12 suite's 2026-07-28 requirements against the gateway in front of 3 stateless conformance hosts.</summary>
    public sealed class Run : ConformanceSuiteRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateless";

        /// <inheritdoc />
        protected override string SuiteModule => "conformance-next/dist/index.js";

        /// <inheritdoc />
        protected override IReadOnlyList<string> SuiteArguments => ["--requirements", "2026-07-28"];

        /// <inheritdoc />
        protected override async Task<IRunningMcpServer> StartTargetAsync() => await ConformanceTopology.StartAsync(SessionMode);
    }
}
