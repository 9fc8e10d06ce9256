using System.Net;
using System.Net.Http.Headers;
using McpDemo.SharedState.Tests.Stores;
using McpDemo.Testing;

namespace McpDemo.SharedState.Tests.Guards;

/// <summary>
/// A legacy GET stream request costs the store nothing until it has passed Host/Origin, the API key and the SDK's
/// session lookup: a caller with a hostile Host, without a key, or with a made-up session id makes no store command
/// (and so no <c>SUBSCRIBE</c>). Read on a real redis-server's command statistics, against a real server process.
/// </summary>
public sealed class GuardsBeforeStoreTests(GuardsBeforeStoreTests.GuardedServerOnRedis fixture)
    : IClassFixture<GuardsBeforeStoreTests.GuardedServerOnRedis>
{
    private const string ApiKey = "guards-before-store-test-key-0123456789";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A stateful server that requires <see cref="ApiKey"/>, on a redis-server of its own.</summary>
    public sealed class GuardedServerOnRedis : IAsyncLifetime
    {
        /// <summary>The store.</summary>
        public RedisStoreServer Store { get; } = new();

        /// <summary>The server.</summary>
        public McpServerProcess Server { get; private set; } = null!;

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            await Store.StartAsync();
            Server = await McpServerProcess.StartAsync("src/McpDemo.Server", "Stateful", null,
                $"--ConnectionStrings:store={((IStoreServer)Store).ConnectionString}", $"--Mcp:ApiKeys:0={ApiKey}");
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (Server is not null)
            {
                await Server.DisposeAsync();
            }
            await Store.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetWithHostileHost_IsRefused_WithoutAnyStoreCommand()
    {
        var changed = await StoreCommandsDuringAsync(request =>
        {
            request.Headers.Host = "evil.example";
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }, HttpStatusCode.Forbidden);

        Assert.Empty(changed);
    }

    [Fact]
    public async Task GetWithoutApiKey_IsRefused_WithoutAnyStoreCommand()
    {
        var changed = await StoreCommandsDuringAsync(_ => { }, HttpStatusCode.Unauthorized);

        Assert.Empty(changed);
    }

    [Fact]
    public async Task GetForUnknownSession_IsNotFound_WithoutSubscribing()
    {
        var changed = await StoreCommandsDuringAsync(
            request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey), HttpStatusCode.NotFound);

        // The SDK's lookup asks the store for the session (GETEX) and finds none; nothing follows it.
        Assert.DoesNotContain(changed, command => command.StartsWith("subscribe", StringComparison.Ordinal));
        Assert.All(changed, command => Assert.StartsWith("getex", command, StringComparison.Ordinal));
    }

    // GETs a made-up session's stream, adjusted by adjust, and returns the store commands it caused.
    private async Task<IReadOnlyList<string>> StoreCommandsDuringAsync(Action<HttpRequestMessage> adjust, HttpStatusCode expected)
    {
        var before = await RedisCommandStats.ReadAsync(fixture.Store.Port);
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Server.McpEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add(McpHeaders.SessionId, "made-up-session-0000");
        request.Headers.Add(McpHeaders.ProtocolVersion, LegacyMcpHttp.ProtocolVersion);
        adjust(request);

        using var response = await Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        return RedisCommandStats.Changed(before, await RedisCommandStats.ReadAsync(fixture.Store.Port));
    }
}
