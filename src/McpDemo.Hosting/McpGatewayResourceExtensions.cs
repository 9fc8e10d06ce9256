using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>
/// Configures a project as an McpDemo gateway (McpDemo.Gateway): how it keeps a legacy session on the replica that
/// holds it. Settings the gateway leaves unset keep its defaults, which are on.
/// </summary>
public static class McpGatewayResourceExtensions
{
    /// <summary>
    /// The YARP cluster the gateway sends MCP traffic to, named after the service it proxies (<c>services:server</c>);
    /// its <c>SessionAffinity</c> is YARP's own cookie affinity.
    /// </summary>
    public const string ServerClusterName = "server";

    /// <summary>
    /// Wraps each legacy session id with the replica that holds it, and routes it there, under <paramref name="affinityKey"/>
    /// (base64 of 32 bytes): gateways given one key route a session to the same replica whichever one a request reaches.
    /// </summary>
    public static IResourceBuilder<T> WithSessionRouting<T>(this IResourceBuilder<T> builder, IResourceBuilder<ParameterResource> affinityKey)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(affinityKey);
        return builder.WithSessionsEnabled(true).WithEnvironment("Gateway__Affinity__Key", affinityKey);
    }

    /// <summary>
    /// Leaves session ids as the replicas wrote them and round-robins every request: for replicas that share sessions
    /// through a store (any one adopts any session) or keep none.
    /// </summary>
    public static IResourceBuilder<T> WithoutSessionRouting<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEnvironment =>
        builder.WithSessionsEnabled(false);

    /// <summary>
    /// Turns the ALB-style affinity cookie (YARP's session affinity on the server cluster) on or off: on, a client that
    /// keeps cookies comes back to the replica that first answered it.
    /// </summary>
    public static IResourceBuilder<T> WithCookieAffinity<T>(this IResourceBuilder<T> builder, bool enabled)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithEnvironment($"ReverseProxy__Clusters__{ServerClusterName}__SessionAffinity__Enabled", enabled ? "true" : "false");
    }

    private static IResourceBuilder<T> WithSessionsEnabled<T>(this IResourceBuilder<T> builder, bool enabled)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment("Gateway__Sessions__Enabled", enabled ? "true" : "false");
}
