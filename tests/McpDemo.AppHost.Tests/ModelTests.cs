using McpDemo.Hosting;
using McpDemo.Hosting.ApplicationModel;
using McpDemo.Hosting.Orchestration;

namespace McpDemo.AppHost.Tests;

public sealed class ModelTests
{
    [Fact]
    public void Build_RejectsDependencyCycles_NamingThem()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { ConsoleOutput = null });
        var a = builder.AddExecutable("a", "true", ".");
        var b = builder.AddExecutable("b", "true", ".").WaitFor(a);
        a.WithReference(b);

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RejectsFixedPortOnSeveralReplicas()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { ConsoleOutput = null });
        builder.AddExecutable("web", "true", ".").WithReplicas(2).WithHttpEndpoint(port: 8081);

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("fixed port 8081", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void WithReplicas_RejectsCountsOutOfRange(int replicas)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { ConsoleOutput = null });
        var web = builder.AddExecutable("web", "true", ".");

        Assert.Throws<DistributedApplicationException>(() => web.WithReplicas(replicas));
    }

    [Theory]
    [InlineData("Server")]
    [InlineData("1server")]
    [InlineData("server_1")]
    [InlineData("server-")]
    [InlineData("")]
    public void AddResource_RejectsInvalidNames(string name)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { ConsoleOutput = null });

        Assert.Throws<DistributedApplicationException>(() => builder.AddExecutable(name, "true", "."));
    }

    [Fact]
    public void Model_IsInspectable_AsDeclared()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { ConsoleOutput = null });
        var server = builder.AddExecutable("server", "srv", "/tmp", "--flag").WithReplicas(3).WithHttpEndpoint().WithHttpHealthCheck("/health");
        builder.AddExecutable("gateway", "gw", "/tmp").WithHttpEndpoint(port: 8080).WithExternalHttpEndpoints()
            .WithEnvironment("MODE", "x").WithReference(server).WaitFor(server);

        var model = builder.Build().Model;

        var gateway = model["gateway"];
        Assert.Equal(["server", "gateway"], model.Resources.Select(r => r.Name));
        Assert.Equal(3, model["server"].Replicas);
        Assert.Equal(["--flag"], model["server"].Args);
        Assert.Equal(new HttpHealthCheck("/health", "http"), model["server"].HealthCheck);
        Assert.Equal(8080, gateway.Endpoints.Single().Port);
        Assert.True(gateway.Endpoints.Single().IsExternal);
        Assert.Equal("x", gateway.Environment["MODE"]);
        Assert.Same(model["server"], gateway.References.Single());
        Assert.Same(model["server"], gateway.WaitFors.Single());
    }

    [Fact]
    public void RestartBackoff_DoublesPerCrash_UpToTheCap()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(n => backoff.DelayFor(n).TotalSeconds));
    }
}
