using McpDemo.Guards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the SDK's Streamable HTTP transport to McpDemo's <c>Mcp</c> configuration section.</summary>
public static class McpDemoHttpTransportExtensions
{
    /// <summary>
    /// Adds the SDK's HTTP transport (<c>WithHttpTransport</c>) configured from the <c>Mcp</c> section
    /// (<see cref="McpEndpointOptions"/>, validated at startup), plus what the guards and
    /// <c>RequireMcpAuthorization</c> need:
    /// <list type="bullet">
    /// <item><c>Mcp:SessionMode</c>: Stateless, or Stateful as the SDK's <c>StatefulForInitializeClients</c>
    /// (<see cref="McpEndpointOptions.TransportSessionMode"/>);</item>
    /// <item>legacy-session idle expiry and cap (<c>Mcp:IdleTimeout</c>, <c>Mcp:MaxIdleSessions</c>), and the count of
    /// legacy sessions held (<see cref="LegacySessionGauge"/>);</item>
    /// <item><c>Last-Event-ID</c> resume through the SDK's distributed-cache event stream store, in process memory
    /// (<c>AddSharedState</c> puts one on the store in its place);</item>
    /// <item>the <see cref="ApiKeyAuthenticationHandler"/> scheme over <c>Mcp:ApiKeys</c>, or OAuth tokens over <c>Mcp:Auth</c>;</item>
    /// <item>-32602 for <c>tools/call</c> and <c>subscriptions/listen</c> params that do not bind (<see cref="InvalidParamsFilter"/>).</item>
    /// </list>
    /// </summary>
    public static IMcpServerBuilder WithMcpDemoHttpTransport(this IMcpServerBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;

        services.AddOptions<McpEndpointOptions>().Bind(configuration.GetSection(McpEndpointOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<McpEndpointOptions>, McpEndpointOptionsValidator>());
        services.AddOptions<HttpServerTransportOptions>().Configure<IOptions<McpEndpointOptions>>(ApplyEndpointOptions);
        // Post-configured, so it wraps whichever session handler the app set, rather than being replaced by it.
        services.TryAddSingleton<LegacySessionGauge>();
        services.AddOptions<HttpServerTransportOptions>().PostConfigure<LegacySessionGauge>((transport, gauge) => gauge.CountSessionsOf(transport));

        // TryAdd inside: an IDistributedCache the app registered wins over this in-process one.
        services.AddDistributedMemoryCache();
        builder.WithHttpTransport().WithMessageFilters(filters => filters.AddIncomingFilter(InvalidParamsFilter.Validate));
#pragma warning disable MCP9006 // Obsolete with the sessions it serves (2026-07-28 has none); Stateful mode still resumes 2025 clients' streams.
        builder.WithDistributedCacheEventStreamStore();
#pragma warning restore MCP9006

        // No default scheme: the policy names the API-key scheme, so authorization authenticates a request (and sets its
        // User, which binds its session) only where the endpoint requires a key, and an open server pays nothing per call.
        services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationDefaults.AuthenticationScheme, configureOptions: null);
        services.AddOptions<ApiKeyAuthenticationOptions>(ApiKeyAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<McpEndpointOptions>>((apiKeys, endpoint) => apiKeys.Keys = endpoint.Value.ApiKeys);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyAuthenticationDefaults.PolicyName, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        // Decided from configuration here, not options: the schemes exist only when used, so an open or API-key server
        // neither serves an empty metadata document nor pays for token validation.
        if (configuration.GetSection(McpEndpointOptions.SectionName)[$"Auth:{nameof(McpAuthOptions.Authority)}"] is { Length: > 0 })
        {
            builder.WithOAuthResourceServer();
        }
        return builder;
    }

    /// <summary>
    /// Makes the endpoint an OAuth 2.1 resource server over <c>Mcp:Auth</c>: JwtBearer (<see cref="BearerTokenAuthentication"/>),
    /// the SDK's RFC 9728 metadata document (<c>/.well-known/oauth-protected-resource</c> and <c>…/mcp</c>), the
    /// <see cref="McpScopeRequirement.PolicyName"/> policy (a valid token with the scopes the request's headers need,
    /// 403 <c>insufficient_scope</c> otherwise), and the MCP filters that hide tools the caller may not call and refuse
    /// calls the headers did not name.
    /// </summary>
    private static void WithOAuthResourceServer(this IMcpServerBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ToolScopeMap>();
        services.AddAuthentication()
            .AddMcpBearerTokens<McpEndpointOptions>(
                endpoint => endpoint.Auth,
                request => request.HttpContext.RequestServices.GetRequiredService<ToolScopeMap>().For(request))
            .AddMcp();
        services.AddOptions<McpAuthenticationOptions>(McpAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<McpEndpointOptions>, ToolScopeMap>((metadata, endpoint, scopes) =>
            {
                var auth = endpoint.Value.Auth;
                // Per request: without Mcp:Auth:Resource, the resource is the request's own /mcp URL (see Resource's remarks).
                metadata.Events.OnResourceMetadataRequest = context =>
                {
                    context.ResourceMetadata = new ProtectedResourceMetadata
                    {
                        Resource = auth.ResourceFor(context.Request),
                        AuthorizationServers = [auth.Authority!.OriginalString],
                        ScopesSupported = [.. scopes.Supported],
                        BearerMethodsSupported = ["header"],
                    };
                    return Task.CompletedTask;
                };
            });
        services.AddSingleton<IAuthorizationHandler, McpScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, McpScopeResultHandler>();
        services.AddAuthorizationBuilder().AddPolicy(McpScopeRequirement.PolicyName, policy => policy
            .AddAuthenticationSchemes(BearerTokenAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new McpScopeRequirement()));
        builder.WithRequestFilters(filters => filters
            .AddListToolsFilter(ToolScopeFilters.HideForbiddenTools)
            .AddCallToolFilter(ToolScopeFilters.RequireToolScope));
    }

    private static void ApplyEndpointOptions(HttpServerTransportOptions transport, IOptions<McpEndpointOptions> endpoint)
    {
        var options = endpoint.Value;
        transport.SessionMode = options.TransportSessionMode;
#pragma warning disable MCP9006 // The SDK marks legacy-session options obsolete since 2026-07-28 has no sessions; Stateful mode still serves 2025 clients that need them bounded.
        transport.IdleTimeout = options.IdleTimeout;
        transport.MaxIdleSessionCount = options.MaxIdleSessions;
#pragma warning restore MCP9006
    }
}
