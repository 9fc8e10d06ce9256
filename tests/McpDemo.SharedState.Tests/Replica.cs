using McpDemo.SharedState.Tests.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;

namespace McpDemo.SharedState.Tests;

/// <summary>
/// One MCP server replica on real Kestrel and a free loopback port, wired as the product server wires shared state
/// (<c>AddSharedState()</c> reading <c>ConnectionStrings:store</c>, <c>UseSharedState()</c> after authentication), with its own DI container, so
/// several in one test share nothing but the store.
/// </summary>
public sealed class Replica : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Replica(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    /// <summary>The replica's name, as the <c>where</c> tool answers it.</summary>
    public string Name { get; }

    /// <summary>The MCP endpoint.</summary>
    public Uri Endpoint => new(BaseAddress, "/mcp");

    /// <summary>The health endpoint: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c> in the body.</summary>
    public Uri Health => new(BaseAddress, "/health");

    /// <summary>The replica's services, to reach its Data Protection provider or notification relay.</summary>
    public IServiceProvider Services => _app.Services;

    private Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts a replica on <paramref name="store"/>, or with in-process state when it is <see langword="null"/>.</summary>
    public static async Task<Replica> StartAsync(string name, IStoreServer? store, TimeSpan? idleTimeout = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (store is not null)
        {
            builder.Configuration["ConnectionStrings:store"] = store.ConnectionString;
        }
        builder.Services.AddSingleton(new ReplicaName(name));
        builder.Services.AddAuthentication(TestUserAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestUserAuthentication>(TestUserAuthentication.SchemeName, null);
        builder.Services.AddHealthChecks();
        builder.AddSharedState();
        builder.Services.AddMcpServer()
            .WithHttpTransport(options =>
            {
                options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9006 // The legacy session idle timeout is what the tests pin the store's TTLs to.
                options.IdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(10);
#pragma warning restore MCP9006
            })
            .WithTools<TestTools>();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseSharedState();
        app.MapMcp("/mcp");
        app.MapHealthChecks("/health");
        await app.StartAsync();
        return new Replica(app, name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
