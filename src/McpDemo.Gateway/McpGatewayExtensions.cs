using Yarp.ReverseProxy.Health;

namespace McpDemo.Gateway;

/// <summary>Adds the MCP gateway, a YARP reverse proxy in front of a service's replicas, to an application.</summary>
public static class McpGatewayExtensions
{
    /// <summary>
    /// Registers the proxy for the replicas of <see cref="GatewayOptions.Service"/>, configured from the
    /// <c>Gateway</c> section and the <c>services:*</c> service-discovery keys.
    /// </summary>
    /// <exception cref="GatewayConfigurationException">The configuration names no replicas, or an invalid one.</exception>
    public static WebApplicationBuilder AddMcpGateway(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GatewayOptions.SectionName);
        var options = section.Get<GatewayOptions>() ?? new GatewayOptions();
        var replicas = ReplicaEndpoints.Read(builder.Configuration, options.Service);

        builder.Services.Configure<GatewayOptions>(section);
        builder.Services.AddSingleton<McpSessionPins>();
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, ConnectionRefusedHealthPolicy>();
        var proxy = builder.Services.AddReverseProxy()
            .LoadFromMemory([McpProxyConfig.Route], [McpProxyConfig.Cluster(replicas, options)]);
        if (options.Sessions.Enabled)
        {
            proxy.AddTransforms(transforms => transforms.ResponseTransforms.Add(
                new McpSessionPinTransform(transforms.Services.GetRequiredService<McpSessionPins>())));
        }
        return builder;
    }

    /// <summary>
    /// Maps <c>/mcp</c> to the replicas: GET streams get their own idle timeout, connection failures fail over,
    /// then session pinning (header, then cookie), round-robin, and passive health checks.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpGateway(this WebApplication app)
    {
        var sessionsEnabled = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.Sessions.Enabled;
        return app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<ReportedFailureMiddleware>();
            pipeline.UseMiddleware<StreamTimeoutMiddleware>();
            pipeline.UseMiddleware<ConnectionFailoverMiddleware>();
            if (sessionsEnabled)
            {
                pipeline.UseMiddleware<McpSessionAffinityMiddleware>();
            }
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
    }
}
