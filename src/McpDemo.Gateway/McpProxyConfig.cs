using McpDemo.Gateway.Affinity;
using McpDemo.Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.SessionAffinity;

namespace McpDemo.Gateway;

/// <summary>The YARP route and cluster that carry <c>/mcp</c> to the replicas.</summary>
public static class McpProxyConfig
{
    /// <summary>The id of the cluster of replicas.</summary>
    public const string ClusterId = "replicas";

    /// <summary>
    /// The route for <c>/mcp</c> and everything below it, under the per-tool rate limits when <paramref name="options"/>
    /// configure any (without them, no limiter sits in the path).
    /// </summary>
    public static RouteConfig Route(GatewayOptions options) => new()
    {
        RouteId = "mcp",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "/mcp/{**rest}" },
        RateLimiterPolicy = options.RateLimits.Any ? ToolRateLimiting.PolicyName : null,
    };

    /// <summary>Builds the cluster of <paramref name="replicas"/> as <paramref name="options"/> describe.</summary>
    public static ClusterConfig Cluster(IReadOnlyDictionary<string, Uri> replicas, GatewayOptions options) => new()
    {
        ClusterId = ClusterId,
        Destinations = replicas.ToDictionary(
            replica => replica.Key,
            replica => new DestinationConfig { Address = replica.Value.ToString() }),
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        SessionAffinity = options.Cookie.Enabled ? CookieAffinity(options.Cookie) : null,
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthChecks.Interval,
                Timeout = options.HealthChecks.Timeout,
                Path = options.HealthChecks.Path,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = ConnectionRefusedHealthPolicy.PolicyName,
                ReactivationPeriod = options.HealthChecks.ReactivationPeriod,
            },
            // Like an ALB, fail open: when every replica looks unhealthy, try them all rather than answer 503.
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        },
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = options.Timeouts.Request },
        Metadata = new Dictionary<string, string>
        {
            [ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName] =
                options.HealthChecks.UnhealthyThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static SessionAffinityConfig CookieAffinity(CookieAffinityOptions cookie) => new()
    {
        Enabled = true,
        Policy = SessionAffinityConstants.Policies.Cookie,
        // A pinned replica that is gone: pick a healthy one (it answers 404 for an unknown session, so the client re-initializes).
        FailurePolicy = SessionAffinityConstants.FailurePolicies.Redistribute,
        AffinityKeyName = cookie.Name,
        Cookie = new SessionAffinityCookieConfig
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            SecurePolicy = CookieSecurePolicy.SameAsRequest,
            Expiration = cookie.Duration,
            IsEssential = true,
        },
    };
}
