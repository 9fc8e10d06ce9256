using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace McpDemo.Gateway;

/// <summary>Recognizes proxy failures where the request never reached the replica's app.</summary>
internal static class ConnectionFailure
{
    /// <summary>
    /// Whether the last forwarding attempt failed, before any response, in a way that proves the replica's app never
    /// read the request, so it may go elsewhere:
    /// <list type="bullet">
    /// <item>no connection: refused, reset while connecting, name not resolved;</item>
    /// <item>the connection reset, or found broken while the request was written: the kernel resets a connection that
    /// is closed with bytes unread, which is what a kept-alive connection to a just-killed replica does (its sockets
    /// close a little after the kill, with the request in them).</item>
    /// </list>
    /// A connection that ended (EOF) before a response is not one: the app may have read the request, acted on it, and
    /// died before answering, so sending it again could act twice.
    /// </summary>
    public static bool Occurred(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request, Exception: HttpRequestException exception } &&
        (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError || WasResetUnread(exception)) &&
        !context.RequestAborted.IsCancellationRequested;

    private static bool WasResetUnread(HttpRequestException exception) =>
        exception.InnerException is IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.Shutdown } };
}
