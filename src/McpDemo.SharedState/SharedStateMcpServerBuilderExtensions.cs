using McpDemo.SharedState;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares an MCP server's state between its replicas through a Redis-protocol store.</summary>
public static class SharedStateMcpServerBuilderExtensions
{
    /// <summary>
    /// Shares state between replicas when <c>ConnectionStrings:store</c> is set, so every replica serves every request:
    /// <list type="bullet">
    /// <item>legacy sessions: recorded on <c>initialize</c> and adopted by any replica, for the same user only
    /// (<see cref="StoreSessionMigrationHandler"/>);</item>
    /// <item>resumable streams: the SDK's distributed-cache event stream store, on the store, so <c>Last-Event-ID</c>
    /// resumes on any replica;</item>
    /// <item>the Data Protection key ring, under one application name, so MRTR <c>requestState</c> protected on one
    /// replica verifies on all;</item>
    /// <item>notifications: an <see cref="INotificationRelay"/> over the store's pub/sub;</item>
    /// <item>a <c>store</c> health check, Degraded while the store is away, and JSON-RPC errors instead of 500s for
    /// requests that need it then.</item>
    /// </list>
    /// Everything stored for a session expires after the transport's session idle timeout. Without a connection
    /// string, state stays in each process as before and the relay is in-process.
    /// </summary>
    public static IMcpServerBuilder WithSharedState(this IMcpServerBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;
        services.AddOptions<SharedStateOptions>()
            .Bind(configuration.GetSection(SharedStateOptions.SectionName))
            .Configure(options => options.ConnectionString ??= configuration.GetConnectionString(SharedStateOptions.ConnectionStringName));

        var shared = new SharedStateOptions();
        configuration.GetSection(SharedStateOptions.SectionName).Bind(shared);
        shared.ConnectionString ??= configuration.GetConnectionString(SharedStateOptions.ConnectionStringName);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, SharedStateStartupFilter>());
        if (!shared.Enabled)
        {
            services.TryAddSingleton<INotificationRelay, InProcessNotificationRelay>();
            return builder;
        }

        services.TryAddSingleton<StoreConnection>();
        services.TryAddSingleton<SessionIdleTimeout>();
        services.TryAddSingleton<StoreSessionMigrationHandler>();
        services.TryAddSingleton<ISessionMigrationHandler>(sp => sp.GetRequiredService<StoreSessionMigrationHandler>());
        // Replaces an in-process relay registered before, whatever the order of the calls.
        services.Replace(ServiceDescriptor.Singleton<INotificationRelay, StoreNotificationRelay>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name);
        // Asked by the app's exception handler middleware, if it has one, and by SharedStateErrorMiddleware otherwise.
        services.TryAddSingleton<SharedStateExceptionHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, SharedStateExceptionHandler>(sp => sp.GetRequiredService<SharedStateExceptionHandler>()));

        // The app's IDistributedCache, for state of its own that every replica must see; replaces any in-process one
        // registered before (the server's default), whatever the order.
        services.Replace(ServiceDescriptor.Singleton<IDistributedCache, RedisCache>());
        services.AddOptions<RedisCacheOptions>().Configure<StoreConnection>((options, store) =>
        {
            options.ConnectionMultiplexerFactory = () => Task.FromResult(store.Multiplexer);
            options.InstanceName = shared.KeyPrefix + "cache:";
        });

#pragma warning disable MCP9006 // Resumable streams are a legacy-session feature, which this library exists to carry.
        // The SDK's distributed-cache event stream store, on the store, in place of any other. Made here rather than
        // through WithDistributedCacheEventStreamStore: its keys live as long as their session may (the idle timeout
        // of the transport options it is itself part of), and it gets a cache that does not wait on writes.
        services.AddOptions<HttpServerTransportOptions>().PostConfigure<StoreConnection, ILoggerFactory>((transport, store, loggers) =>
        {
            var idleTimeout = transport.IdleTimeout;
            transport.EventStreamStore = new DistributedCacheEventStreamStore(
                Options.Options.Create(new DistributedCacheEventStreamStoreOptions
                {
                    Cache = new StoreEventStreamCache(store, shared.KeyPrefix + "stream:", idleTimeout),
                    EventSlidingExpiration = idleTimeout,
                    EventAbsoluteExpiration = null,
                    MetadataSlidingExpiration = idleTimeout,
                    MetadataAbsoluteExpiration = null,
                }),
                loggers.CreateLogger<DistributedCacheEventStreamStore>());
        });
#pragma warning restore MCP9006

        services.AddDataProtection().SetApplicationName(shared.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<StoreConnection>((options, store) =>
            options.XmlRepository = new RedisXmlRepository(() => store.Multiplexer.GetDatabase(), shared.KeyPrefix + "dataprotection-keys"));
        return builder;
    }
}
