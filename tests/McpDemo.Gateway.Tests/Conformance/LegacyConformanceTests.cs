using McpDemo.Testing;
using McpDemo.Testing.Conformance;

namespace McpDemo.Gateway.Tests.Conformance;

/// <summary>
/// The 2025 conformance suite (0.1.16) through the gateway against 3 stateful replicas: every scenario must pass, as
/// against one replica, so the gateway loses nothing of legacy sessions (wrapped session ids, SSE streams,
/// server-to-client requests, headers). No cookie jar: the suite's client keeps to its session by its id alone.
/// </summary>
public sealed class LegacyConformanceTests(LegacyConformanceTests.Run run)
    : ConformanceTests<LegacyConformanceTests.Run>(run), Xunit.IClassFixture<LegacyConformanceTests.Run>
{
    /// <inheritdoc />
    protected override IReadOnlySet<string> ExpectedFailures { get; } = new HashSet<string>();

    /// <summary>The 0.1.16 suite against the gateway in front of 3 stateful conformance hosts.</summary>
    public sealed class Run : ConformanceSuiteRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateful";

        /// <inheritdoc />
        protected override async Task<IRunningMcpServer> StartTargetAsync() => await ConformanceTopology.StartAsync(SessionMode);
    }
}
