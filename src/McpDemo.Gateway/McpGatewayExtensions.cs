using McpDemo.Gateway.Affinity;
using McpDemo.Gateway.Auth;
using McpDemo.Gateway.Mcp;
using McpDemo.Gateway.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace McpDemo.Gateway;

/// <summary>Adds the MCP gateway, a YARP reverse proxy in front of a service's replicas, to an application.</summary>
public static class McpGatewayExtensions
{
    /// <summary>The configuration section of YARP's routes and clusters.</summary>
    public const string ReverseProxySectionName = "ReverseProxy";

    /// <summary>
    /// Registers the proxy: YARP's routes and <c>server</c> cluster from the <c>ReverseProxy</c> section, its
    /// destination <c>http://server</c> resolved by service discovery (<c>services:server:http:{i}</c>, one per replica),
    /// and what the gateway adds from the <c>Gateway</c> section, validated at start.
    /// </summary>
    public static WebApplicationBuilder AddMcpGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        builder.Services.AddSingleton<McpTelemetry>();
        builder.Services.AddGatewayTokenValidation(builder.Configuration);
        builder.AddToolRateLimiting();
        builder.Services.AddSingleton<AffinityKey>();
        // A registration made before this one (e.g. Data Protection over the shared store) wins.
        builder.Services.TryAddSingleton<ISessionIdProtector, AesGcmSessionIdProtector>();
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, ConnectionRefusedHealthPolicy>();
        builder.Services.AddSingleton<IActiveHealthCheckPolicy, HungReplicaHealthPolicy>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, McpForwarderHttpClientFactory>();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySectionName))
            .AddServiceDiscoveryDestinationResolver()
            // Transform providers apply in registration order, so these run after YARP's own (the affinity cookie).
            .AddTransforms(transforms =>
            {
                // Forward the client's Host, as an ALB does, so each replica's DNS-rebinding guard judges the name the
                // client used rather than the replica address YARP would otherwise put there.
                transforms.AddOriginalHost();
                // And the X-Forwarded headers an ALB adds, but not YARP's X-Forwarded-Host (the Host is already the
                // client's) or X-Forwarded-Prefix (nothing is stripped): every header costs both hops time per call.
                transforms.UseDefaultForwarders = false;
                transforms.AddXForwardedFor();
                transforms.AddXForwardedProto();
                if (transforms.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Sessions.Enabled)
                {
                    transforms.ResponseTransforms.Add(new McpSessionIdWrapTransform(transforms.Services.GetRequiredService<ISessionIdProtector>()));
                }
                transforms.ResponseTransforms.Add(new EventStreamHeadersTransform());
            });
        DecorateHealthUpdater(builder.Services);
        // Registered after AddReverseProxy's Data Protection, so YARP protects its affinity cookie with the shared key.
        builder.Services.AddSingleton<IDataProtectionProvider, AffinityKeyDataProtectionProvider>();
        return builder;
    }

    // YARP's updater is internal: wrap whatever AddReverseProxy registered, built as it would have been.
    private static void DecorateHealthUpdater(IServiceCollection services)
    {
        var yarps = services.Last(descriptor => descriptor.ServiceType == typeof(IDestinationHealthUpdater));
        var implementation = yarps.ImplementationType
            ?? throw new InvalidOperationException($"YARP's {nameof(IDestinationHealthUpdater)} is no longer registered by type.");
        services.Replace(ServiceDescriptor.Singleton<IDestinationHealthUpdater>(provider => new HealthChangeLog(
            (IDestinationHealthUpdater)ActivatorUtilities.CreateInstance(provider, implementation),
            provider.GetRequiredService<ILogger<HealthChangeLog>>())));
    }

    /// <summary>
    /// Maps <c>/mcp</c> to the replicas. Before the proxy: with <c>Gateway:Auth</c>, the token is validated
    /// (<see cref="GatewayTokenValidation"/>); the MCP headers are read and checked
    /// (<see cref="McpRequestMiddleware"/>), then the per-tool rate limits apply. In the proxy pipeline: streams get
    /// their own idle timeout, connection failures fail over, then session affinity (wrapped session id, then cookie),
    /// round-robin, and passive health checks.
    /// </summary>
    /// <exception cref="OptionsValidationException">The <c>Gateway</c> settings cannot work.</exception>
    public static IEndpointConventionBuilder MapMcpGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        if (options.Sessions.Enabled && app.Services.GetRequiredService<AffinityKey>().IsGenerated)
        {
            app.Logger.LogInformation(
                "No {Setting} is configured: this gateway wraps session ids with a key of its own, which no other instance shares.",
                $"{GatewayOptions.SectionName}:Affinity:Key");
        }

        app.UseRouting();
        if (options.Auth.IsEnabled)
        {
            // First: a bad token is answered before anything reads the body, and the limiter below sees the token's client.
            app.UseAuthentication();
            app.UseAuthorization();
        }
        // Only requests routed to the proxy are MCP requests; /health and the rest are not read.
        app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not null,
            mcp => mcp.UseMiddleware<McpRequestMiddleware>());
        // The route names the tool policy; it limits only the tools Gateway:RateLimits lists.
        app.UseRateLimiter();
        var proxy = app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<StreamTimeoutMiddleware>();
            pipeline.UseMiddleware<ConnectionFailoverMiddleware>();
            if (options.Sessions.Enabled)
            {
                pipeline.UseMiddleware<McpSessionAffinityMiddleware>();
            }
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        if (options.Auth.IsEnabled)
        {
            proxy.ConfigureEndpoints(GatewayTokenValidation.RequireToken);
        }
        return proxy;
    }
}
