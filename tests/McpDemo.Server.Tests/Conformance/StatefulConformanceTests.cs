using McpDemo.Testing.Conformance;
using Xunit;

namespace McpDemo.Server.Tests.Conformance;

/// <summary>Stateful mode has sessions, so every scenario must pass: no baseline.</summary>
public sealed class StatefulConformanceTests(StatefulConformanceTests.Run run)
    : ConformanceTests<StatefulConformanceTests.Run>(run), IClassFixture<StatefulConformanceTests.Run>
{
    /// <inheritdoc />
    protected override IReadOnlySet<string> ExpectedFailures { get; } = new HashSet<string>();

    /// <summary>The suite against the conformance host in stateful mode.</summary>
    public sealed class Run : ConformanceHostRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateful";
    }
}
