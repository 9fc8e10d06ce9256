using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Health;

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
        builder.Services.AddSingleton<McpSessionPins>();
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, ConnectionRefusedHealthPolicy>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, McpForwarderHttpClientFactory>();
        var proxy = builder.Services.AddReverseProxy()
            .LoadFromMemory([McpProxyConfig.Route], [McpProxyConfig.Cluster(replicas, options)]);
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
                transforms.ResponseTransforms.Add(new McpSessionPinTransform(transforms.Services.GetRequiredService<McpSessionPins>()));
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
        if (options.Sessions.MaxSessions < 1)
        {
            throw new GatewayConfigurationException($"{GatewayOptions.SectionName}:Sessions:MaxSessions is {options.Sessions.MaxSessions}; it must be at least 1.");
        }
        return options;
    }

    /// <summary>
    /// Maps <c>/mcp</c> to the replicas: GET streams get their own idle timeout, connection failures fail over,
    /// then session pinning (header, then cookie), round-robin, and passive health checks.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpGateway(this WebApplication app) =>
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<ReportedFailureMiddleware>();
            pipeline.UseMiddleware<StreamTimeoutMiddleware>();
            pipeline.UseMiddleware<ConnectionFailoverMiddleware>();
            // With session affinity off no pins are learned, so this step finds none.
            pipeline.UseMiddleware<McpSessionAffinityMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
}
