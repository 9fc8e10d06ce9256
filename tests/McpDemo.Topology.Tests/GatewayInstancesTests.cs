using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace McpDemo.Topology.Tests;

/// <summary>
/// <c>--gateways 2 --store none --mode stateful</c>: two healthy gateway instances given one generated affinity key, and
/// a legacy session started through the first continues through the second on its replica, with no shared store.
/// </summary>
public sealed class GatewayInstancesTests(TwoGatewaysWithoutStoreAppHost appHost) : IClassFixture<TwoGatewaysWithoutStoreAppHost>
{
    private const string AffinityKey = "Gateway__Affinity__Key";
    private const int PingsPerGateway = 6;

    [Fact]
    public void BothGateways_AreHealthy_AndShareOneGeneratedAffinityKey_WithSessionRoutingOn()
    {
        var keys = new List<string>();
        foreach (var gateway in appHost.Gateways)
        {
            Assert.True(appHost.App.ResourceNotifications.TryGetCurrentState(gateway, out var state), $"No resource {gateway}.");
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
            Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);

            var environment = appHost.EnvironmentOf(gateway);
            Assert.Equal("true", environment.GetValueOrDefault("Gateway__Sessions__Enabled"));
            Assert.Equal("true", environment.GetValueOrDefault("ReverseProxy__Clusters__server__SessionAffinity__Enabled"));
            // The key is a secret: assertions below never put its value in a message.
            Assert.True(environment.TryGetValue(AffinityKey, out var key) && key is not null, $"{gateway} has no {AffinityKey}.");
            Assert.True(IsBase64Of32Bytes(key), $"{gateway}'s {AffinityKey} is not base64 of 32 bytes.");
            keys.Add(key);
        }

        Assert.True(keys.Distinct(StringComparer.Ordinal).Count() == 1, $"The gateways were given {keys.Distinct(StringComparer.Ordinal).Count()} different affinity keys.");
    }

    [Fact]
    public void GatewayInstances_AreTwoInstancesOfOneServiceInTelemetry()
    {
        var instances = appHost.Gateways.Select(gateway =>
        {
            var environment = appHost.EnvironmentOf(gateway);
            Assert.Equal("gateway", environment.GetValueOrDefault("OTEL_SERVICE_NAME"));
            return environment.GetValueOrDefault("OTEL_RESOURCE_ATTRIBUTES");
        }).ToList();

        Assert.Equal(["service.instance.id=1", "service.instance.id=2"], instances);
    }

    [Fact]
    public void WithoutTheStore_NoStoreRuns_AndTheServersAreToldOfNone()
    {
        Assert.False(appHost.App.ResourceNotifications.TryGetCurrentState("store", out _), "--store none still runs a store.");
        foreach (var server in RunningAppHost.Servers)
        {
            Assert.DoesNotContain("ConnectionStrings__store", appHost.EnvironmentOf(server).Keys);
        }
    }

    [Fact]
    public async Task LegacySession_StartedThroughGateway1_ContinuesThroughGateway2_OnTheSameReplica()
    {
        var (first, second) = (appHost.McpEndpointOf("gateway-1"), appHost.McpEndpointOf("gateway-2"));
        Assert.NotEqual(first, second);
        var gateways = new GatewaySwitch(first);
        // No cookie jar: only the wrapped session id can bring the calls back to the session's replica.
        await using var client = await SessionClient.ConnectAsync(first, withCookieJar: false, gateways);
        var sessionId = client.SessionId;
        Assert.False(string.IsNullOrEmpty(sessionId), "A stateful server must hand out Mcp-Session-Id.");

        var throughFirst = new List<string>();
        for (var ping = 0; ping < PingsPerGateway; ping++)
        {
            throughFirst.Add(await client.PingAsync());
        }
        gateways.Target = second;
        var throughSecond = new List<string>();
        for (var ping = 0; ping < PingsPerGateway; ping++)
        {
            throughSecond.Add(await client.PingAsync());
        }

        var replica = Assert.Single(throughFirst.Distinct());
        Assert.All(throughSecond, answeredBy => Assert.Equal(replica, answeredBy));
        Assert.True(gateways.RequestsToTarget >= PingsPerGateway, $"Only {gateways.RequestsToTarget} requests went through gateway-2.");
        Assert.Equal(sessionId, client.SessionId);
    }

    [Fact]
    public async Task DemoClient_OpensALegacySession_ThroughTheFirstGateway()
    {
        var log = await appHost.SucceededClientLogAsync();

        // "Connected to <endpoint>: <server>, protocol <version>, session <id or none (stateless)>"; the endpoint is in bold.
        var connected = Assert.Single(log, line => line.Contains("Connected to ", StringComparison.Ordinal));
        Assert.Contains(appHost.McpEndpoint.ToString(), connected, StringComparison.Ordinal);
        Assert.Contains("protocol 2025-11-25, session ", connected, StringComparison.Ordinal);
        Assert.DoesNotContain("session none", connected, StringComparison.Ordinal);
    }

    private static bool IsBase64Of32Bytes(string value) =>
        Convert.TryFromBase64String(value, new byte[33], out var length) && length == 32;
}
