using McpDemo.Testing;
using McpDemo.Testing.Conformance;
using Xunit;

namespace McpDemo.Server.Tests.Conformance;

/// <summary>
/// The official suite against McpDemo.Server itself, not the conformance host: the scenarios that need only what the
/// server offers (its own tools, the protocol, the guards) must pass; those that need the suite's fixture tools,
/// resources and prompts are listed in server-expected-failures.yaml. Its point is the binary: eng/test.sh runs it
/// again against the NativeAOT build (MCPDEMO_SERVER_BINARY), where a type the SDK looks up at run time shows.
/// </summary>
public abstract class ServerConformanceTests<TRun>(TRun run) : ConformanceTests<TRun>(run)
    where TRun : ServerConformanceTests<TRun>.ServerRun
{
    /// <inheritdoc />
    protected override IReadOnlySet<string> ExpectedFailures { get; } = ServerBaseline(run.SessionMode);

    // Stateless mode adds the session-bound scenarios, which fail with the fixtures too; stateful mode has none.
    private static HashSet<string> ServerBaseline(string sessionMode)
    {
        var failures = new HashSet<string>(ConformanceBaseline.Load("server-expected-failures.yaml"));
        if (sessionMode == "Stateless")
        {
            failures.UnionWith(ConformanceBaseline.Load("stateless-expected-failures.yaml"));
        }
        return failures;
    }

    /// <summary>The suite against McpDemo.Server (the JIT build, or the native one <c>MCPDEMO_SERVER_BINARY</c> names).</summary>
    public abstract class ServerRun : ConformanceSuiteRun
    {
        /// <inheritdoc />
        protected override async Task<IRunningMcpServer> StartTargetAsync() =>
            await McpServerProcess.StartAsync("src/McpDemo.Server", SessionMode);
    }
}

/// <summary>McpDemo.Server in stateless mode.</summary>
public sealed class ServerStatelessConformanceTests(ServerStatelessConformanceTests.Run run)
    : ServerConformanceTests<ServerStatelessConformanceTests.Run>(run), IClassFixture<ServerStatelessConformanceTests.Run>
{
    /// <summary>The suite against McpDemo.Server in stateless mode.</summary>
    public sealed class Run : ServerRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateless";
    }
}

/// <summary>McpDemo.Server in stateful mode (legacy sessions for clients that initialize).</summary>
public sealed class ServerStatefulConformanceTests(ServerStatefulConformanceTests.Run run)
    : ServerConformanceTests<ServerStatefulConformanceTests.Run>(run), IClassFixture<ServerStatefulConformanceTests.Run>
{
    /// <summary>The suite against McpDemo.Server in stateful mode.</summary>
    public sealed class Run : ServerRun
    {
        /// <inheritdoc />
        public override string SessionMode => "Stateful";
    }
}
