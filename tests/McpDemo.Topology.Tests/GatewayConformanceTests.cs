using McpDemo.Testing;
using McpDemo.Testing.Conformance;

namespace McpDemo.Topology.Tests;

/// <summary>
/// The official MCP conformance suite through the gateway, against 3 stateful conformance-host replicas started by
/// the orchestrator: every scenario must pass, as it does against one replica, so the gateway loses nothing
/// (sessions, SSE streams, server-to-client requests, headers).
/// </summary>
public sealed class GatewayConformanceTests(GatewayConformanceTests.Run run)
    : ConformanceTests<GatewayConformanceTests.Run>(run), IClassFixture<GatewayConformanceTests.Run>
{
    /// <inheritdoc />
    protected override IReadOnlySet<string> ExpectedFailures { get; } = new HashSet<string>();

    /// <summary>The suite against the gateway in front of 3 stateful conformance hosts.</summary>
    public sealed class Run : ConformanceSuiteRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateful";

        /// <inheritdoc />
        protected override async Task<IRunningMcpServer> StartTargetAsync() =>
            await McpTopology.StartAsync<Projects.McpDemo_ConformanceServer>(SessionMode);
    }
}
