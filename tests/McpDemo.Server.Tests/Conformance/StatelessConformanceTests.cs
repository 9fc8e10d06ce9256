using McpDemo.Testing.Conformance;
using Xunit;

namespace McpDemo.Server.Tests.Conformance;

/// <summary>Stateless mode: only the scenarios that need a session may fail, as listed in stateless-expected-failures.yaml.</summary>
public sealed class StatelessConformanceTests(StatelessConformanceTests.Run run)
    : ConformanceTests<StatelessConformanceTests.Run>(run), IClassFixture<StatelessConformanceTests.Run>
{
    /// <inheritdoc />
    protected override IReadOnlySet<string> ExpectedFailures { get; } = ConformanceBaseline.Load("stateless-expected-failures.yaml");

    /// <summary>The suite against the conformance host in stateless mode.</summary>
    public sealed class Run : ConformanceHostRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateless";
    }
}
