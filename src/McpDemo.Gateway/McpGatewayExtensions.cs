using McpDemo.Gateway.Affinity;
using McpDemo.Gateway.Mcp;
using McpDemo.Gateway.RateLimiting;
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
    /// <summary>
    /// Registers the proxy for the replicas of <see cref="GatewayOptions.Service"/>, configured from the
    /// <c>Gateway</c> section and the <c>services:*</c> service-discovery keys.
    /// </summary>
    /// <exception cref="GatewayConfigurationException">The configuration names no replicas, an invalid one, or invalid settings.</exception>
    public static WebApplicationBuilder AddMcpGateway(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GatewayOptions.SectionName);
        var options = Bind(section);
        var replicas = ReplicaEndpoints.Read(builder.Configuration, options.Service);

        builder.Services.Configure<GatewayOptions>(section);
        builder.Services.AddSingleton<McpTelemetry>();
        builder.Services.AddToolRateLimiting(options.RateLimits);
        // A registration made before this one (e.g. Data Protection over the shared store) wins.
        builder.Services.TryAddSingleton<ISessionIdProtector>(_ => new AesGcmSessionIdProtector(AffinityKey.Read(options.Affinity, out var _)));
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, ConnectionRefusedHealthPolicy>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, McpForwarderHttpClientFactory>();
        var proxy = builder.Services.AddReverseProxy()
            .LoadFromMemory([McpProxyConfig.Route(options)], [McpProxyConfig.Cluster(replicas, options)]);
        // Transform providers apply in registration order, so these run after YARP's own (the affinity cookie).
        proxy.AddTransforms(transforms =>
        {
            // Forward the client's Host, as an ALB does, so each replica's DNS-rebinding guard judges the name the
            // client used rather than the replica address YARP would otherwise put there.
            transforms.AddOriginalHost();
            // And the X-Forwarded headers an ALB adds, but not YARP's X-Forwarded-Host (the Host is already the
            // client's) or X-Forwarded-Prefix (nothing is stripped): every header costs both hops time per call.
            transforms.UseDefaultForwarders = false;
            transforms.AddXForwardedFor();
            transforms.AddXForwardedProto();
            if (options.Sessions.Enabled)
            {
                transforms.ResponseTransforms.Add(new McpSessionIdWrapTransform(transforms.Services.GetRequiredService<ISessionIdProtector>()));
            }
            transforms.ResponseTransforms.Add(new EventStreamHeadersTransform());
        });
        return builder;
    }

    private static GatewayOptions Bind(IConfigurationSection section)
    {
        GatewayOptions options;
        try
        {
            options = section.Get<GatewayOptions>() ?? new GatewayOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new GatewayConfigurationException($"The {GatewayOptions.SectionName} settings are invalid: {e.Message}");
        }
        var limits = options.RateLimits.Tools.Select(tool => ($"Tools:{tool.Key}", tool.Value));
        if (options.RateLimits.Default is { } fallback)
        {
            limits = limits.Append(("Default", fallback));
        }
        foreach (var (name, limit) in limits)
        {
            if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            {
                throw new GatewayConfigurationException(
                    $"{GatewayOptions.SectionName}:RateLimits:{name} allows {limit.PermitLimit} calls per {limit.Window}; " +
                    "PermitLimit must be at least 1 and Window positive.");
            }
        }
        if (options.Sessions.Enabled)
        {
            // Fail at start, not on the first session, when the key is unusable.
            AffinityKey.Read(options.Affinity, out _);
        }
        return options;
    }

    /// <summary>
    /// Maps <c>/mcp</c> to the replicas. Before the proxy: the MCP headers are read and checked
    /// (<see cref="McpRequestMiddleware"/>), then the per-tool rate limits apply. In the proxy pipeline: GET streams get
    /// their own idle timeout, connection failures fail over, then session affinity (wrapped session id, then cookie),
    /// round-robin, and passive health checks.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        if (options.Sessions.Enabled && string.IsNullOrWhiteSpace(options.Affinity.Key))
        {
            app.Logger.LogInformation(
                "No {Setting} is configured: this gateway wraps session ids with a key of its own, which no other instance shares.",
                $"{GatewayOptions.SectionName}:Affinity:Key");
        }

        app.UseRouting();
        // Only requests routed to the proxy are MCP requests; /health and the rest are not read.
        app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not null,
            mcp => mcp.UseMiddleware<McpRequestMiddleware>());
        if (options.RateLimits.Any)
        {
            app.UseRateLimiter();
        }
        return app.MapReverseProxy(pipeline =>
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
    }
}
