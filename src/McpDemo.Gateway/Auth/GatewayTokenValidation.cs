using McpDemo.Guards;
using Yarp.ReverseProxy.Configuration;

namespace McpDemo.Gateway.Auth;

/// <summary>
/// Token validation at the edge (<c>Gateway:Auth</c>): the same JwtBearer checks as the replicas
/// (<see cref="BearerTokenAuthentication"/>, with the issuer's keys cached), on the MCP route, so a bad token is
/// answered 401 here and never reaches a replica. Scopes stay the replicas' to judge: they know which tool needs what.
/// </summary>
internal static class GatewayTokenValidation
{
    /// <summary>The policy on the MCP route: a valid token for the configured resource.</summary>
    public const string PolicyName = "mcp-token";

    /// <summary>The YARP route the policy applies to; the metadata route stays open, as RFC 9728 wants.</summary>
    public const string McpRouteId = "mcp";

    /// <summary>Whether <c>Gateway:Auth:Authority</c> is set, read before options exist so nothing is registered otherwise.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection(GatewayOptions.SectionName)[$"Auth:{nameof(OAuthResourceOptions.Authority)}"] is { Length: > 0 };

    /// <summary>Registers the JwtBearer scheme and <see cref="PolicyName"/> when <c>Gateway:Auth</c> is configured.</summary>
    public static IServiceCollection AddGatewayTokenValidation(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsConfigured(configuration))
        {
            services.AddAuthentication().AddMcpBearerTokens<GatewayOptions>(gateway => gateway.Auth);
            services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
                .AddAuthenticationSchemes(BearerTokenAuthentication.Scheme)
                .RequireAuthenticatedUser());
        }
        return services;
    }

    /// <summary>Requires <see cref="PolicyName"/> on the MCP route's endpoint.</summary>
    public static void RequireToken(IEndpointConventionBuilder endpoint, RouteConfig route)
    {
        if (route.RouteId == McpRouteId)
        {
            endpoint.RequireAuthorization(PolicyName);
        }
    }
}
