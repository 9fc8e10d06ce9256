using McpDemo.SharedState;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace Microsoft.Extensions.Hosting;

/// <summary>Shares an MCP server's state between its replicas through a Redis-protocol store.</summary>
public static class SharedStateExtensions
{
    /// <summary>
    /// Shares state between replicas when <c>ConnectionStrings:store</c> is set, so every replica serves every request:
    /// <list type="bullet">
    /// <item>the store's client through Aspire's client integration (<c>AddRedisClient("store")</c>): its commands are
    /// spans under the request that made them when telemetry is exported;</item>
    /// <item>legacy sessions: recorded on <c>initialize</c> and adopted by any replica, for the same user only
    /// (<see cref="StoreSessionMigrationHandler"/>);</item>
    /// <item>resumable streams on the store, so <c>Last-Event-ID</c> resumes on any replica: a session's GET stream in
    /// <see cref="StoredGetStreams"/>, where every replica adds the session's notifications (<see cref="LegacySessionStreams"/>),
    /// answer streams in the SDK's distributed-cache event stream store;</item>
    /// <item>the Data Protection key ring, under one application name, so MRTR <c>requestState</c> protected on one
    /// replica verifies on all;</item>
    /// <item>notifications: an <see cref="INotificationRelay"/> over the store's pub/sub;</item>
    /// <item>a <c>store</c> health check, Degraded while the store is away or still connecting (the connection is made in
    /// the background from start, so readiness and 2026-07-28 requests do not wait for it).</item>
    /// </list>
    /// Everything stored for a session expires after the transport's session idle timeout. Without a connection
    /// string, state stays in each process and the relay is in-process. Call <see cref="UseSharedState"/> after the guards.
    /// </summary>
    public static TBuilder AddSharedState<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var shared = new SharedStateOptions();
        configuration.GetSection(SharedStateOptions.SectionName).Bind(shared);
        shared.ConnectionString ??= configuration.GetConnectionString(SharedStateOptions.ConnectionStringName);
        services.AddOptions<SharedStateOptions>()
            .Bind(configuration.GetSection(SharedStateOptions.SectionName))
            .Configure(options => options.ConnectionString ??= shared.ConnectionString);
        services.TryAddSingleton<LegacySessionStreams>();
        if (!shared.Enabled)
        {
            services.TryAddSingleton<INotificationRelay, InProcessNotificationRelay>();
            return builder;
        }

        builder.AddRedisClient(SharedStateOptions.ConnectionStringName,
            settings =>
            {
                settings.ConnectionString = shared.ConnectionString;
                // StoreHealthCheck reports Degraded, not Unhealthy, while the store is away: the replica still serves 2026-07-28.
                settings.DisableHealthChecks = true;
                // Spans only where they are exported (as ServiceDefaults does): without a collector the profiler costs for nothing.
                settings.DisableTracing = string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            },
            StoreConnection.ConfigureClient);
        // The client logs every failed reconnect as an error; StoreConnection says it once per outage, as a warning.
        builder.Logging.AddFilter("StackExchange.Redis", LogLevel.Critical);
        services.TryAddSingleton<StoreConnection>();
        services.TryAddSingleton<SessionIdleTimeout>();
        services.TryAddSingleton<StoreSessionMigrationHandler>();
        services.TryAddSingleton<StoredGetStreams>();
        services.TryAddSingleton<ISessionMigrationHandler>(sp => sp.GetRequiredService<StoreSessionMigrationHandler>());
        // Replaces an in-process relay registered before, whatever the order of the calls.
        services.Replace(ServiceDescriptor.Singleton<INotificationRelay, StoreNotificationRelay>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name);

#pragma warning disable MCP9006 // Resumable streams are a legacy-session feature, which this library exists to carry.
        // Event streams on the store, in place of any other store: GET streams in StoredGetStreams, which every replica
        // writes to; answer streams in the SDK's distributed-cache store. That one is made here rather than through
        // WithDistributedCacheEventStreamStore: its keys live as long as their session may (the idle timeout of the
        // transport options it is itself part of), and it gets a cache that does not wait on writes.
        services.AddOptions<HttpServerTransportOptions>().PostConfigure<StoreConnection, ILoggerFactory, IServiceProvider>((transport, store, loggers, provider) =>
        {
            var idleTimeout = transport.IdleTimeout;
            var answers = new DistributedCacheEventStreamStore(
                Options.Options.Create(new DistributedCacheEventStreamStoreOptions
                {
                    Cache = new StoreEventStreamCache(store, shared.KeyPrefix + "stream:", idleTimeout),
                    EventSlidingExpiration = idleTimeout,
                    EventAbsoluteExpiration = null,
                    MetadataSlidingExpiration = idleTimeout,
                    MetadataAbsoluteExpiration = null,
                }),
                loggers.CreateLogger<DistributedCacheEventStreamStore>());
            // Resolved here, not as a dependency of this step: it reads the idle timeout from the options being made.
            transport.EventStreamStore = new SessionEventStreamStore(answers, provider.GetRequiredService<StoredGetStreams>());
        });
#pragma warning restore MCP9006

        services.AddDataProtection().SetApplicationName(shared.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<StoreConnection>((options, store) =>
            options.XmlRepository = new RedisXmlRepository(() => store.Multiplexer.GetDatabase(), shared.KeyPrefix + "dataprotection-keys"));
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            // What the host's own factory validates, in Development only.
            ValidateScopes = builder.Environment.IsDevelopment(),
            ValidateOnBuild = builder.Environment.IsDevelopment(),
        }), WithoutKeyRingPreload);
        return builder;
    }

    /// <summary>
    /// Drops ASP.NET Core's preload of the Data Protection key ring (its <c>DataProtectionHostedService</c> reads the ring
    /// before the server starts): the ring is in the store, so every cold start would wait for the store's handshake and a
    /// read, though only MRTR state needs keys, and the first request that protects or unprotects reads the ring itself.
    /// Run as the container is built, after every registration: any later <c>AddDataProtection</c> (<c>AddAuthentication</c>
    /// calls it) adds the preload back. Matched by name, as the type is internal; StoreConnectReadinessTests fails if it
    /// stops matching.
    /// </summary>
    private static void WithoutKeyRingPreload(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService)
                && services[i].ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService")
            {
                services.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Adds <see cref="SharedStateMiddleware"/>: the store's part of each request, and the one place shared-state failures
    /// are answered (403, or 424 with <c>Retry-After</c>). Call it after the guards and authentication, before <c>MapMcp</c>,
    /// so no request reaches the store before it has passed them.
    /// </summary>
    public static IApplicationBuilder UseSharedState(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Start connecting as the app starts, in the background (readiness does not wait for it), so an outage is logged
        // at start, not at the first request that needs the store.
        _ = app.ApplicationServices.GetService<StoreConnection>();
        return app.UseMiddleware<SharedStateMiddleware>();
    }
}
