using Yarp.ReverseProxy.Forwarder;

namespace McpDemo.Gateway;

/// <summary>
/// Proxy-pipeline step that keeps the status YARP chose for a failed forward (504 on an idle timeout, 502, ...).
/// In YARP 2.1.0, with session affinity on, the affinity response transform then throws
/// <see cref="OperationCanceledException"/> on the already canceled token (dotnet/yarp#2317, fixed in later
/// versions), which would turn that status into a 500.
/// </summary>
internal sealed class ReportedFailureMiddleware(RequestDelegate next)
{
    /// <summary>Forwards the request, absorbing a cancellation that follows an already reported failure.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.Features.Get<IForwarderErrorFeature>() is not null)
        {
        }
    }
}
