using Yarp.ReverseProxy.Forwarder;

namespace McpDemo.Gateway;

/// <summary>YARP's client to the replicas, sending small request bodies whole (<see cref="WholeSmallBodyHandler"/>).</summary>
internal sealed class McpForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    /// <inheritdoc/>
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new WholeSmallBodyHandler(base.WrapHandler(context, handler));
}
