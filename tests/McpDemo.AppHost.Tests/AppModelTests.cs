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
    public async Task DefaultTopology_NamesTheIssuer_TheStore_TheReplicasServer1To3_TheGateway_AndTheClient()
    {
        await using var model = await AppModel.BuildAsync();

        Assert.Equal(["identity", "store", "server-1", "server-2", "server-3", "gateway", "client"], model.ProjectNames);
        Assert.IsType<McpIdentityResource>(model.Resource("identity"));
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
    public async Task ApiKey_ReachesEveryServer_AndTheClient_FromTheOneParameter_AndNoIssuerRuns()
    {
        await using var model = await AppModel.BuildAsync("--auth", "apikey");

        Assert.Equal("{mcp-api-key.value}", (await model.EnvironmentOfAsync("server-2"))["Mcp__ApiKeys__0"]);
        Assert.Equal("{mcp-api-key.value}", (await model.EnvironmentOfAsync("client"))["MCP_API_KEY"]);
        Assert.DoesNotContain("Mcp__ApiKeys__0", (await model.EnvironmentOfAsync("gateway")).Keys);
        Assert.DoesNotContain("identity", model.ProjectNames);
        Assert.DoesNotContain("Mcp__Auth__Authority", (await model.EnvironmentOfAsync("server-1")).Keys);
    }

    [Fact]
    public async Task OAuth_EveryServerAndGateway_TrustsTheIssuer_ForTheFirstGatewaysMcpUrl()
    {
        await using var model = await AppModel.BuildAsync("--gateways", "2");

        const string Resource = "{gateway-1.bindings.http.url}/mcp";
        foreach (var server in (string[])["server-1", "server-2", "server-3"])
        {
            var environment = await model.EnvironmentOfAsync(server);
            Assert.Equal("{identity.bindings.http.url}", environment["Mcp__Auth__Authority"]);
            Assert.Equal(Resource, environment["Mcp__Auth__Resource"]);
            Assert.DoesNotContain("Mcp__ApiKeys__0", environment.Keys);
        }
        foreach (var gateway in (string[])["gateway-1", "gateway-2"])
        {
            var environment = await model.EnvironmentOfAsync(gateway);
            Assert.Equal("{identity.bindings.http.url}", environment["Gateway__Auth__Authority"]);
            Assert.Equal(Resource, environment["Gateway__Auth__Resource"]);
        }
        // Servers and gateways start only once the issuer is healthy.
        Assert.Contains(model.Resource("server-1").Annotations.OfType<WaitAnnotation>(), wait => wait.Resource.Name == "identity");
        Assert.Contains(model.Resource("gateway-2").Annotations.OfType<WaitAnnotation>(), wait => wait.Resource.Name == "identity");
    }

    [Fact]
    public async Task OAuth_TheIssuerRegistersTheResource_AndTheDemoClient_WhoseSecretTheClientGets()
    {
        await using var model = await AppModel.BuildAsync();

        var identity = await model.EnvironmentOfAsync("identity");
        Assert.Equal("{identity.bindings.http.url}", identity["Identity__Issuer"]);
        Assert.Equal("{gateway.bindings.http.url}/mcp", identity["Identity__Resources__0"]);
        Assert.Equal("mcpdemo-client", identity["Identity__Clients__0__ClientId"]);
        Assert.Equal("{mcp-client-secret.value}", identity["Identity__Clients__0__ClientSecret"]);
        Assert.Equal("mcp:tools", identity["Identity__Clients__0__Scopes__0"]);
        Assert.Equal("mcp:confirm", identity["Identity__Clients__0__Scopes__1"]);
        // The signing key stays in the issuer's default place under the user profile, so it survives restarts.
        Assert.DoesNotContain("Identity__KeyDirectory", identity.Keys);
        var client = await model.EnvironmentOfAsync("client");
        Assert.Equal("mcpdemo-client", client["MCP_CLIENT_ID"]);
        Assert.Equal("{mcp-client-secret.value}", client["MCP_CLIENT_SECRET"]);
        Assert.DoesNotContain("MCP_API_KEY", client.Keys);
    }

    [Fact]
    public async Task NoAuth_GivesNobodyCredentials()
    {
        await using var model = await AppModel.BuildAsync("--auth", "none");

        Assert.DoesNotContain("identity", model.ProjectNames);
        Assert.DoesNotContain(model.Resources, r => r is ParameterResource);
        foreach (var resource in (string[])["server-1", "gateway", "client"])
        {
            var environment = await model.EnvironmentOfAsync(resource);
            Assert.DoesNotContain(environment.Keys, key => key.Contains("Auth", StringComparison.Ordinal) || key.Contains("ApiKey", StringComparison.Ordinal) || key.StartsWith("MCP_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ServerBinary_ReplicasRunThatFile_WhileGatewaysRunTheirBuildOutput()
    {
        var binary = typeof(AppModelTests).Assembly.Location;
        await using var model = await AppModel.BuildAsync("--server-binary", binary);

        foreach (var server in (string[])["server-1", "server-2", "server-3"])
        {
            var replica = model.Resource(server);
            var executable = replica.Annotations.OfType<ExecutableAnnotation>().Last();
            Assert.Equal((binary, Path.GetDirectoryName(binary)), (executable.Command, executable.WorkingDirectory));
            // No `dotnet <dll>` prefix: the file is the program.
            Assert.DoesNotContain(replica.Annotations, IsLaunchToolArgs);
        }
        Assert.Contains(model.Resource("gateway").Annotations, IsLaunchToolArgs);
        Assert.Empty(model.Resource("gateway").Annotations.OfType<ExecutableAnnotation>());
    }

    // WithBuiltOutputLaunch's `dotnet <dll>` prefix; the annotation type is internal to Aspire 13.6, so it is found by name.
    private static bool IsLaunchToolArgs(IResourceAnnotation annotation) => annotation.GetType().Name == "LaunchToolArgsCallbackAnnotation";

    /// <summary>The AppHost's model for some arguments, built by Aspire.Hosting.Testing and never started.</summary>
    private sealed class AppModel(IDistributedApplicationTestingBuilder builder) : IAsyncDisposable
    {
        public IReadOnlyList<string> ProjectNames =>
            [.. builder.Resources.OfType<ProjectResource>().Select(r => r.Name).Where(n => !n.EndsWith("-rebuilder", StringComparison.Ordinal))];

        public static async Task<AppModel> BuildAsync(params string[] args) =>
            new(await DistributedApplicationTestingBuilder.CreateAsync<Projects.McpDemo_AppHost>([.. args, "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture)]));

        public IResourceCollection Resources => builder.Resources;

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
