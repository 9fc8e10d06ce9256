namespace McpDemo.Topology.Tests;

/// <summary>
/// Sends each request of an MCP client to whichever gateway <see cref="Target"/> names at the time, as a load balancer
/// in front of several gateway instances would, so one session can be moved from one gateway to another mid-way.
/// </summary>
internal sealed class GatewaySwitch(Uri target) : DelegatingHandler
{
    private int _requestsToTarget;

    /// <summary>The gateway's MCP endpoint that the next requests go to.</summary>
    public Uri Target
    {
        get => target;
        set
        {
            target = value;
            _requestsToTarget = 0;
        }
    }

    /// <summary>How many requests went to <see cref="Target"/> since it was set.</summary>
    public int RequestsToTarget => _requestsToTarget;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri;
        Interlocked.Increment(ref _requestsToTarget);
        return base.SendAsync(request, cancellationToken);
    }
}
