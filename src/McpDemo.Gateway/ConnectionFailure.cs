using Yarp.ReverseProxy.Forwarder;

namespace McpDemo.Gateway;

/// <summary>Recognizes proxy failures where the request never reached the replica.</summary>
internal static class ConnectionFailure
{
    /// <summary>
    /// Whether the last forwarding attempt failed before a connection to the replica existed (refused, reset
    /// while connecting, name not resolved). Such a request was not seen by the replica, so it may go elsewhere.
    /// </summary>
    public static bool Occurred(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request, Exception: HttpRequestException exception } &&
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError &&
        !context.RequestAborted.IsCancellationRequested;
}
