using System.Runtime.CompilerServices;
using McpDemo.Gateway.Mcp;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace McpDemo.Gateway;

/// <summary>
/// Proxy-pipeline step that gives streams their own idle timeout (<see cref="StreamTimeoutOptions.Stream"/>).
/// YARP's activity timeout is per cluster; a stream legitimately stays quiet far longer than a request should, so it
/// is proxied with a copy of the cluster model that differs only in that timeout. Streams are GETs (the legacy
/// standalone SSE stream, or a resumption with <c>Last-Event-ID</c>) and, under 2026-07-28, the POST of a
/// <c>subscriptions/listen</c>, which its <c>Mcp-Method</c> header names.
/// </summary>
internal sealed class StreamTimeoutMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    private readonly TimeSpan _streamTimeout = options.Value.Timeouts.Stream ?? Timeout.InfiniteTimeSpan;
    private readonly ConditionalWeakTable<ClusterModel, ClusterModel> _streamClusters = [];

    /// <summary>Swaps in the stream variant of the cluster for streams.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || context.Features.Get<McpRequestFeature>()?.Method == "subscriptions/listen")
        {
            var proxy = context.GetReverseProxyFeature();
            context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature
            {
                Route = proxy.Route,
                Cluster = _streamClusters.GetValue(proxy.Cluster, WithStreamTimeout),
                AllDestinations = proxy.AllDestinations,
                AvailableDestinations = proxy.AvailableDestinations,
            });
        }
        return next(context);
    }

    private ClusterModel WithStreamTimeout(ClusterModel cluster) => new(
        cluster.Config with
        {
            HttpRequest = (cluster.Config.HttpRequest ?? ForwarderRequestConfig.Empty) with { ActivityTimeout = _streamTimeout },
        },
        cluster.HttpClient);
}
