using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using McpDemo.Hosting;
using McpDemo.Testing;

namespace McpDemo.AppHost.Tests;

/// <summary>
/// The app model the AppHost builds for each topology, read in-process without starting it: resource names, telemetry
/// identity, and what the store, the servers and the gateways are given. Values read as the manifest writes them
/// (<c>{resource.bindings...}</c>, <c>{parameter.value}</c>), since nothing is allocated before the app starts.
/// </summary>
public sealed class AppModelTests
{
    private const string SessionsEnabled = "Gateway__Sessions__Enabled";
    private const string AffinityKey = "Gateway__Affinity__Key";
    private const string CookieEnabled = "ReverseProxy__Clusters__server__SessionAffinity__Enabled";

    [Fact]
    public async Task DefaultTopology_NamesTheStore_TheReplicasServer1To3_TheGateway_AndTheClient()
    {
        await using var model = await AppModel.BuildAsync();

        Assert.Equal(["store", "server-1", "server-2", "server-3", "gateway", "client"], model.ProjectNames);
        Assert.IsType<GarnetStoreResource>(model.Resource("store"));
    }

    [Fact]
    public async Task EachReplica_IsAnInstanceOfItsService_WhoseDashboardNameIsItsResourceName()
    {
        await using var model = await AppModel.BuildAsync("--gateways", "2");

        // The dashboard names an instance of a service with several "{service.name}-{service.instance.id}".
        foreach (var replica in (string[])["server-1", "server-2", "server-3", "gateway-1", "gateway-2"])
        {
            var environment = await model.EnvironmentOfAsync(replica);
            var instance = environment["OTEL_RESOURCE_ATTRIBUTES"]!["service.instance.id=".Length..];
            Assert.Equal(replica, $"{environment["OTEL_SERVICE_NAME"]}-{instance}");
        }
    }

    [Fact]
    public async Task WithTheStore_ServersGetItsConnectionString_AndGatewaysNeitherRouteSessionsNorSetTheCookie()
    {
        await using var model = await AppModel.BuildAsync("--mode", "stateful");

        foreach (var server in (string[])["server-1", "server-2", "server-3"])
        {
            Assert.Equal("{store.bindings.resp.host}:{store.bindings.resp.port}", (await model.EnvironmentOfAsync(server))["ConnectionStrings__store"]);
        }
        var gateway = await model.EnvironmentOfAsync("gateway");
        Assert.Equal("false", gateway[SessionsEnabled]);
        Assert.Equal("false", gateway[CookieEnabled]);
        Assert.DoesNotContain(AffinityKey, gateway.Keys);
    }

    [Fact]
    public async Task StatefulWithoutTheStore_EveryGatewayRoutesSessionsWithOneGeneratedKey_AndSetsTheCookie()
    {
        await using var model = await AppModel.BuildAsync("--mode", "stateful", "--store", "none", "--gateways", "2");

        Assert.DoesNotContain("store", model.ProjectNames);
        Assert.Equal(McpServerSessionMode.Stateful, model.Resource("server-1").Annotations.OfType<McpServerAnnotation>().Single().SessionMode);
        Assert.DoesNotContain("ConnectionStrings__store", (await model.EnvironmentOfAsync("server-1")).Keys);
        foreach (var gateway in (string[])["gateway-1", "gateway-2"])
        {
            var environment = await model.EnvironmentOfAsync(gateway);
            Assert.Equal("true", environment[SessionsEnabled]);
            Assert.Equal("{gateway-affinity-key.value}", environment[AffinityKey]);
            Assert.Equal("true", environment[CookieEnabled]);
        }
    }

    [Fact]
    public async Task StatelessWithoutTheStore_GatewaysRouteSessions_ButSetNoCookie()
    {
        await using var model = await AppModel.BuildAsync("--store", "none");

        var gateway = await model.EnvironmentOfAsync("gateway");
        Assert.Equal("true", gateway[SessionsEnabled]);
        Assert.Equal("false", gateway[CookieEnabled]);
        Assert.Equal(McpServerSessionMode.Stateless, model.Resource("server-1").Annotations.OfType<McpServerAnnotation>().Single().SessionMode);
    }

    [Fact]
    public async Task ApiKey_ReachesEveryServer_AndTheClient_FromTheOneParameter()
    {
        await using var model = await AppModel.BuildAsync();

        Assert.Equal("{mcp-api-key.value}", (await model.EnvironmentOfAsync("server-2"))["Mcp__ApiKeys__0"]);
        Assert.Equal("{mcp-api-key.value}", (await model.EnvironmentOfAsync("client"))["MCP_API_KEY"]);
        Assert.DoesNotContain("Mcp__ApiKeys__0", (await model.EnvironmentOfAsync("gateway")).Keys);
    }

    /// <summary>The AppHost's model for some arguments, built by Aspire.Hosting.Testing and never started.</summary>
    private sealed class AppModel(IDistributedApplicationTestingBuilder builder) : IAsyncDisposable
    {
        public IReadOnlyList<string> ProjectNames =>
            [.. builder.Resources.OfType<ProjectResource>().Select(r => r.Name).Where(n => !n.EndsWith("-rebuilder", StringComparison.Ordinal))];

        public static async Task<AppModel> BuildAsync(params string[] args) =>
            new(await DistributedApplicationTestingBuilder.CreateAsync<Projects.McpDemo_AppHost>([.. args, "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture)]));

        public IResource Resource(string name) => builder.Resources.Single(r => r.Name == name);

        // CS0618: Aspire 13.6 marks this reader obsolete for ExecutionConfigurationBuilder, which resolves values for a
        // running app; a model that never starts is read in the manifest's terms, which this reader still gives.
#pragma warning disable CS0618
        public async Task<Dictionary<string, string>> EnvironmentOfAsync(string name) =>
            await ((IResourceWithEnvironment)Resource(name)).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618

        public ValueTask DisposeAsync() => builder.DisposeAsync();
    }
}
