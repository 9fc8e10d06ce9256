using McpDemo.Hosting;
using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.AppHost.Tests;

public sealed class ParameterTests
{
    // The test service reports only MCPDEMO_*, OTEL_*, services__* and ASPNETCORE_URLS variables.
    private const string Key = "a-long-test-api-key-0123456789";

    [Fact]
    public async Task SetParameter_ReachesConsumersEnvironment()
    {
        var builder = TestTopology.CreateBuilder(args: $"--Parameters:api-key={Key}");
        var apiKey = builder.AddParameter("api-key", secret: true);

        var environment = await RunConsumerAsync(builder, apiKey);

        Assert.Equal(Key, environment["MCPDEMO_API_KEY"]);
    }

    [Fact]
    public async Task UnsetOptionalParameter_LeavesTheVariableUnset()
    {
        var builder = TestTopology.CreateBuilder();
        var apiKey = builder.AddParameter("api-key-unset-in-tests", secret: true, optional: true);

        var environment = await RunConsumerAsync(builder, apiKey);

        Assert.DoesNotContain("MCPDEMO_API_KEY", environment.Keys);
    }

    /// <summary>Runs one consumer of <paramref name="parameter"/> and returns the environment it was given; the parameter itself runs nothing.</summary>
    private static async Task<Dictionary<string, string>> RunConsumerAsync(DistributedApplicationBuilder builder, IResourceBuilder<ParameterResource> parameter)
    {
        builder.AddProject("svc", TestTopology.ServiceProject)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithEnvironment("MCPDEMO_API_KEY", parameter);
        await using var app = builder.Build();

        await app.StartAsync();

        Assert.Equal(["svc-1"], app.Replicas.Select(r => r.ReplicaId));
        return (await TestTopology.GetReportAsync(app.GetEndpoint("svc"))).Environment;
    }

    [Fact]
    public async Task UnsetRequiredParameter_StopsTheStart_SayingHowToSetIt()
    {
        var builder = TestTopology.CreateBuilder();
        var apiKey = builder.AddParameter("api-key-unset-in-tests", secret: true);
        builder.AddProject("svc", TestTopology.ServiceProject).WithEnvironment("MCPDEMO_API_KEY", apiKey);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("--Parameters:api-key-unset-in-tests=", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parameters__api-key-unset-in-tests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RejectsWaitingForAParameter()
    {
        var builder = TestTopology.CreateBuilder();
        var apiKey = builder.AddParameter("api-key", secret: true, optional: true);
        builder.AddExecutable("svc", "true", ".").WaitFor(apiKey);

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("WithEnvironment(name, parameter)", error.Message, StringComparison.Ordinal);
    }
}
