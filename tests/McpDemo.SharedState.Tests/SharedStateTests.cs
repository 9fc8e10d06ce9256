using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using McpDemo.SharedState.Tests.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpDemo.SharedState.Tests;

/// <summary>
/// Replicas that share a store serve each other's legacy sessions, streams, protected payloads and notifications.
/// Every test runs on Garnet (<see cref="SharedStateOnGarnetTests"/>) and on redis-server
/// (<see cref="SharedStateOnRedisTests"/>): the code must not depend on which Redis-protocol store it is given.
/// </summary>
public abstract class SharedStateTests(IStoreServer store) : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<Replica> _replicas = [];

    private LegacyMcpHttp Mcp => new(_http);

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        _http.Dispose();
    }

    [Fact]
    public async Task LegacySessionStartedOnOneReplicaIsServedByEveryReplica()
    {
        var replicas = await StartReplicasAsync("a", "b", "c");
        var mcp = Mcp;
        var sessionId = await mcp.StartSessionAsync(replicas[0].Endpoint);

        for (var call = 0; call < 9; call++)
        {
            var replica = replicas[call % replicas.Length];
            var reply = await mcp.CallToolAsync(replica.Endpoint, sessionId, "where");
            Assert.Equal(replica.Name, LegacyMcpHttp.ToolText(reply));
        }
    }

    [Fact]
    public async Task AdoptingAnotherUsersSessionIsForbidden()
    {
        var replicas = await StartReplicasAsync("a", "b");
        var mcp = Mcp;
        var sessionId = await mcp.StartSessionAsync(replicas[0].Endpoint, user: "alice");

        var asBob = await mcp.CallToolAsync(replicas[1].Endpoint, sessionId, "where", user: "bob");
        Assert.Equal(HttpStatusCode.Forbidden, asBob.Status);
        Assert.Equal(-32000, asBob.Message["error"]!["code"]!.GetValue<int>());
        var anonymous = await mcp.CallToolAsync(replicas[1].Endpoint, sessionId, "where");
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);

        Assert.Equal("b", LegacyMcpHttp.ToolText(await mcp.CallToolAsync(replicas[1].Endpoint, sessionId, "where", user: "alice")));
    }

    [Fact]
    public async Task SessionNobodyStartedIsNotFound()
    {
        var replicas = await StartReplicasAsync("a");
        var reply = await Mcp.CallToolAsync(replicas[0].Endpoint, Guid.NewGuid().ToString("N"), "where");
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task StreamResumedOnAnotherReplicaGetsExactlyTheMissedEvents()
    {
        var replicas = await StartReplicasAsync("a", "b");
        var mcp = Mcp;
        var sessionId = await mcp.StartSessionAsync(replicas[0].Endpoint);
        var original = await mcp.CallToolAsync(replicas[0].Endpoint, sessionId, "chatter", new JsonObject { ["count"] = 5 });
        Assert.Equal("sent 5 from a", LegacyMcpHttp.ToolText(original));
        Assert.Equal(6, original.Events.Count);
        Assert.All(original.Events, e => Assert.False(string.IsNullOrEmpty(e.EventId)));

        // The client saw two events, then lost the connection; it resumes on another replica.
        var resumed = await mcp.ResumeAsync(replicas[1].Endpoint, sessionId, original.Events[1].EventId!);

        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        Assert.Equal(original.Events.Skip(2).Select(e => e.Data), resumed.Events.Select(e => e.Data));
    }

    [Fact]
    public async Task PayloadProtectedOnOneReplicaVerifiesOnAnotherAndForgeryFails()
    {
        var replicas = await StartReplicasAsync("a", "b");
        var protectorA = replicas[0].Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("mrtr-request-state");
        var protectorB = replicas[1].Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("mrtr-request-state");

        var state = protectorA.Protect("confirm:delete-42");

        Assert.Equal("confirm:delete-42", protectorB.Unprotect(state));
        var forged = state[..^4] + (state[^4] == 'A' ? 'B' : 'A') + state[^3..];
        Assert.ThrowsAny<CryptographicException>(() => protectorB.Unprotect(forged));
    }

    [Fact]
    public async Task NotificationPublishedOnOneReplicaReachesSubscribersOnAnother()
    {
        var replicas = await StartReplicasAsync("a", "b");
        var received = Channel.CreateUnbounded<JsonRpcNotification>();
        await using var subscription = await replicas[1].Services.GetRequiredService<INotificationRelay>()
            .SubscribeAsync("listen:ticker", (n, ct) => received.Writer.WriteAsync(n, ct));

        var relayA = replicas[0].Services.GetRequiredService<INotificationRelay>();
        for (var tick = 1; tick <= 3; tick++)
        {
            await relayA.PublishAsync("listen:ticker", new JsonRpcNotification
            {
                Method = NotificationMethods.ResourceUpdatedNotification,
                Params = new JsonObject { ["uri"] = "ticker://1", ["tick"] = tick },
            });
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var tick = 1; tick <= 3; tick++)
        {
            var notification = await received.Reader.ReadAsync(timeout.Token);
            Assert.Equal(NotificationMethods.ResourceUpdatedNotification, notification.Method);
            Assert.Equal(tick, notification.Params!["tick"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task SessionRecordLivesForTheIdleTimeout()
    {
        var idleTimeout = TimeSpan.FromMinutes(3);
        var replica = await StartReplicaAsync("a", idleTimeout);
        var sessionId = await Mcp.StartSessionAsync(replica.Endpoint);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync("mcpdemo:session:" + sessionId);

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), idleTimeout);
    }

    [Fact]
    public async Task HealthIsHealthyWhileTheStoreAnswers()
    {
        var replica = await StartReplicaAsync("a");
        // The replica connects to the store in the background and reports Degraded until then (by design: it serves
        // 2026-07-28 meanwhile), so the check waits for the handshake and then allows a loaded machine a few seconds.
        await Task.Run(() => replica.Services.GetRequiredService<StoreConnection>().Multiplexer);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string health;
        while ((health = await _http.GetStringAsync(replica.Health)) != "Healthy" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal("Healthy", health);
    }

    private async Task<Replica[]> StartReplicasAsync(params string[] names)
    {
        var replicas = new Replica[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            replicas[i] = await StartReplicaAsync(names[i]);
        }
        return replicas;
    }

    private async Task<Replica> StartReplicaAsync(string name, TimeSpan? idleTimeout = null)
    {
        var replica = await Replica.StartAsync(name, store, idleTimeout);
        _replicas.Add(replica);
        return replica;
    }
}

/// <summary>The shared state tests on Garnet, the store the AppHost runs.</summary>
public sealed class SharedStateOnGarnetTests(StoreFixture<GarnetStoreServer> fixture)
    : SharedStateTests(fixture.Store), IClassFixture<StoreFixture<GarnetStoreServer>>;

/// <summary>The shared state tests on redis-server.</summary>
public sealed class SharedStateOnRedisTests(StoreFixture<RedisStoreServer> fixture)
    : SharedStateTests(fixture.Store), IClassFixture<StoreFixture<RedisStoreServer>>;
