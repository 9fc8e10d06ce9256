using Amazon.CDK.Assertions;
using McpDemo.Testing;

namespace McpDemo.Publishing.Tests;

/// <summary>
/// One <c>--operation publish --step publish-aws-cdk</c> run of the real AppHost, synthesized once and shared by every test of
/// the <see cref="CdkCollection"/>: synthesis is slow, and jsii must not run in parallel.
/// </summary>
public abstract class CloudAssemblyFixture : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly string[] _args;

    protected CloudAssemblyFixture(params string[] args) => _args = args;

    public string OutputPath => Path.Combine(_temp.Path, "cdk.out");

    /// <summary>What the AppHost printed while publishing.</summary>
    public string Output { get; private set; } = string.Empty;

    public string TemplatePath(string stack) => Path.Combine(OutputPath, $"{stack}.template.json");

    public Template Template(string stack) => Amazon.CDK.Assertions.Template.FromString(File.ReadAllText(TemplatePath(stack)));

    public async Task InitializeAsync()
    {
        var run = (await AppHostProcess.RunAsync(["--operation", "publish", "--step", "publish-aws-cdk", "--output-path", OutputPath, .. _args])).EnsureSuccess();
        Output = run.Output;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The default topology with 2 replicas: stateless, OAuth (Cognito), no certificate, image built from the Dockerfile.</summary>
public sealed class StatelessCloudAssembly() : CloudAssemblyFixture("--replicas", "2");

/// <summary>A stateful topology with 3 replicas, an API key, a certificate, a domain name and a prebuilt image.</summary>
public sealed class StatefulCloudAssembly() : CloudAssemblyFixture(
    "--mode", "stateful",
    "--auth", "apikey",
    "--replicas", "3",
    "--certificate-arn", StatefulCloudAssembly.CertificateArn,
    "--domain-name", "mcp.example.com",
    "--image", StatefulCloudAssembly.Image)
{
    public const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    public const string Image = "public.ecr.aws/example/mcpdemo-server:1.0";
}

/// <summary>Every test that synthesizes or reads CDK output runs in this one serial collection (jsii is not thread-safe).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CdkCollection : ICollectionFixture<StatelessCloudAssembly>, ICollectionFixture<StatefulCloudAssembly>
{
    public const string Name = "cdk";
}
