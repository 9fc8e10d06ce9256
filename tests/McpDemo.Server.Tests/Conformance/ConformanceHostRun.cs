using McpDemo.Testing;
using McpDemo.Testing.Conformance;

namespace McpDemo.Server.Tests.Conformance;

/// <summary>The conformance suite against the conformance host (<c>tests/McpDemo.ConformanceServer</c>) alone, as one process.</summary>
public abstract class ConformanceHostRun : ConformanceSuiteRun
{
    /// <inheritdoc />
    protected override async Task<IRunningMcpServer> StartTargetAsync() =>
        await McpServerProcess.StartAsync("tests/McpDemo.ConformanceServer", SessionMode);
}
