using McpDemo.StreamableHttp.Sessions;
using McpDemo.StreamableHttp.Stateless;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp;

/// <summary>
/// Creates the MCP server behind a request (stateless) or a session (stateful) from the
/// <see cref="McpServerOptions"/> that <c>AddMcpServer()</c> and <c>WithTools()</c> registered.
/// </summary>
internal sealed class McpServerFactory(
    IOptions<McpServerOptions> serverOptions,
    ISseEventStreamStore eventStreamStore,
    ILoggerFactory loggerFactory,
    IServiceProvider applicationServices,
    TimeProvider timeProvider)
{
    /// <summary>A running server on a stateless transport, for POSTs that each stand alone.</summary>
    public RequestServer CreateForRequest()
    {
        var transport = new StreamableHttpServerTransport(loggerFactory)
        {
            Stateless = true,

            // A pooled server answers many requests: each handler must run in its own request's context.
            FlowExecutionContextFromRequests = true,
        };

        // Application services: the server may outlive the request (it is pooled), so the server opens a
        // service scope per request itself.
        return new RequestServer(transport, McpServer.Create(transport, serverOptions.Value, loggerFactory, applicationServices));
    }

    /// <summary>A running session whose messages may arrive over many requests, with resumable streams.</summary>
    public McpSession CreateSession(string sessionId, string? userId)
    {
        var transport = new StreamableHttpServerTransport(loggerFactory)
        {
            SessionId = sessionId,
            EventStreamStore = eventStreamStore,

            // Handlers then run in the context of the POST that delivered their message (IHttpContextAccessor works).
            FlowExecutionContextFromRequests = true,
        };

        // Application services, not the request's: the session outlives the request that created it.
        var server = McpServer.Create(transport, serverOptions.Value, loggerFactory, applicationServices);
        return new McpSession(sessionId, userId, transport, server, timeProvider);
    }
}
