using McpDemo.Testing.Conformance;
using Xunit;

namespace McpDemo.Server.Tests.Conformance;

/// <summary>
/// The 2026-07-28 requirements of the official suite (<c>@modelcontextprotocol/conformance@0.2.0-alpha.12</c>,
/// installed as <c>conformance-next</c>, with <c>--requirements 2026-07-28</c>) against the stateless conformance
/// host: every scenario passes except those in revision-2026-07-28-expected-failures.yaml, each listed with its reason.
/// </summary>
public sealed class Revision2026ConformanceTests(Revision2026ConformanceTests.Run run) : IClassFixture<Revision2026ConformanceTests.Run>
{
    private static readonly IReadOnlySet<string> ExpectedFailures = ConformanceBaseline.Load("revision-2026-07-28-expected-failures.yaml");

    /// <summary>The scenarios the suite's 2026-07-28 requirements run, frozen at the revision's release.</summary>
    public static IReadOnlyList<string> Scenarios { get; } =
    [
        "server-stateless", "completion-complete", "tools-list", "tools-call-simple-text", "tools-call-image",
        "tools-call-audio", "tools-call-embedded-resource", "tools-call-mixed-content", "tools-call-error",
        "tools-call-with-progress", "server-sse-multiple-streams", "resources-list", "resources-read-text",
        "resources-read-binary", "resources-templates-read", "sep-2164-resource-not-found", "prompts-list",
        "prompts-get-simple", "prompts-get-with-args", "prompts-get-embedded-resource", "prompts-get-with-image",
        "dns-rebinding-protection", "caching",
        "input-required-result-basic-elicitation", "input-required-result-basic-sampling",
        "input-required-result-basic-list-roots", "input-required-result-request-state",
        "input-required-result-multiple-input-requests", "input-required-result-multi-round",
        "input-required-result-missing-input-response", "input-required-result-non-tool-request",
        "input-required-result-result-type", "input-required-result-unsupported-methods",
        "input-required-result-tampered-state", "input-required-result-capability-check",
        "input-required-result-ignore-extra-params", "input-required-result-validate-input",
        "tasks-lifecycle", "tasks-capability-negotiation", "tasks-wire-fields", "tasks-request-state-removal",
        "tasks-mrtr-input", "tasks-request-headers", "tasks-dispatch-and-envelope", "tasks-status-notifications",
        "tasks-required-task-error", "tasks-mrtr-composition", "json-schema-2020-12", "http-header-validation",
        "http-custom-header-server-validation",
    ];

    /// <summary><see cref="Scenarios"/> as xunit theory data.</summary>
    public static TheoryData<string> All => [.. Scenarios];

    [Theory]
    [MemberData(nameof(All))]
    public void Scenario(string name) => ConformanceVerdict.AssertScenario(run, name, ExpectedFailures);

    [Fact]
    public void Suite_RunsExactlyTheListedScenarios() =>
        Assert.True(run.Scenarios.Order().SequenceEqual(Scenarios.Order()),
            $"The suite ran [{string.Join(", ", run.Scenarios.Order())}].\n{ConformanceVerdict.Report(run, run.SuiteOutput)}");

    [Fact]
    public void Baseline_NamesOnlyListedScenarios_AndNeverServerStateless()
    {
        Assert.Empty(ExpectedFailures.Except(Scenarios));
        Assert.DoesNotContain("server-stateless", ExpectedFailures);
    }

    /// <summary>The suite against the conformance host in stateless mode, for protocol 2026-07-28.</summary>
    public sealed class Run : ConformanceHostRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateless";

        /// <inheritdoc />
        protected override string SuiteModule => "conformance-next/dist/index.js";

        /// <inheritdoc />
        protected override IReadOnlyList<string> SuiteArguments => ["--requirements", "2026-07-28"];
    }
}
