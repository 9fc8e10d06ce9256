using System.Net;
using McpDemo.StreamableHttp.Sessions;
using McpDemo.StreamableHttp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace McpDemo.StreamableHttp.Tests;

/// <summary>Idle expiry and the session cap, on a clock the test moves.</summary>
public sealed class SessionExpiryTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task Session_Expires_AfterIdleTimeout()
    {
        await using var server = await StartAsync(o => o.IdleTimeout = TimeSpan.FromMinutes(30));
        var sessionId = await server.InitializeSessionAsync();

        _clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await server.PostAsync(JsonRpc.Request(5, "ping"), sessionId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Session_StaysAlive_WhileUsedWithinIdleTimeout()
    {
        await using var server = await StartAsync(o => o.IdleTimeout = TimeSpan.FromMinutes(30));
        var sessionId = await server.InitializeSessionAsync();

        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(29));
            using var response = await server.PostAsync(JsonRpc.Request(5 + i, "ping"), sessionId);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Session_DefaultIdleTimeout_IsTwoHours()
    {
        await using var server = await StartAsync();
        var sessionId = await server.InitializeSessionAsync();

        _clock.Advance(TimeSpan.FromHours(1.9));
        using var stillAlive = await server.PostAsync(JsonRpc.Request(5, "ping"), sessionId);
        _clock.Advance(TimeSpan.FromHours(2.1));
        using var expired = await server.PostAsync(JsonRpc.Request(6, "ping"), sessionId);

        Assert.Equal(HttpStatusCode.OK, stillAlive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task IdleSweep_EndsIdleSessionsNobodyAsksFor()
    {
        await using var server = await StartAsync(o => o.IdleTimeout = TimeSpan.FromMinutes(30));
        await server.InitializeSessionAsync();
        await server.InitializeSessionAsync();
        var store = server.Services.GetRequiredService<McpSessionStore>();
        Assert.Equal(2, store.Count);

        _clock.Advance(TimeSpan.FromMinutes(31));
        await store.RemoveIdleSessionsAsync();

        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task IdleSweep_SparesSessionWithRequestInProgress()
    {
        await using var server = await StartAsync(o => o.IdleTimeout = TimeSpan.FromMinutes(30));
        var sessionId = await server.InitializeSessionAsync();
        var call = server.PostAsync(JsonRpc.CallTool("slow"), sessionId);
        await server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var store = server.Services.GetRequiredService<McpSessionStore>();

        _clock.Advance(TimeSpan.FromHours(5));
        await store.RemoveIdleSessionsAsync();

        Assert.Equal(1, store.Count);
        Assert.False(server.Probe.Cancelled.Task.IsCompleted);
        await StatefulSessionTests.DeleteAsync(server, sessionId);
        (await call).Dispose();
    }

    [Fact]
    public async Task SessionCap_EvictsLongestIdleSessionFirst()
    {
        await using var server = await StartAsync(o => o.MaxSessions = 2);
        var oldest = await server.InitializeSessionAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var middle = await server.InitializeSessionAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));

        // Using the oldest session makes the middle one the longest idle.
        using (var touch = await server.PostAsync(JsonRpc.Request(5, "ping"), oldest))
        {
            Assert.Equal(HttpStatusCode.OK, touch.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var newest = await server.InitializeSessionAsync();

        using var middleResponse = await server.PostAsync(JsonRpc.Request(6, "ping"), middle);
        using var oldestResponse = await server.PostAsync(JsonRpc.Request(7, "ping"), oldest);
        using var newestResponse = await server.PostAsync(JsonRpc.Request(8, "ping"), newest);
        Assert.Equal(HttpStatusCode.NotFound, middleResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oldestResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newestResponse.StatusCode);
        Assert.Equal(2, server.Services.GetRequiredService<McpSessionStore>().Count);
    }

    private Task<McpTestServer> StartAsync(Action<McpHttpOptions>? configure = null) => McpTestServer.StartAsync(
        McpSessionMode.Stateful,
        configure,
        configureBuilder: builder => builder.Services.AddSingleton<TimeProvider>(_clock));
}
