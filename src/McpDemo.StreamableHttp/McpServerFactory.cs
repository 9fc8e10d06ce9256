using McpDemo.StreamableHttp.Sessions;
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
    IOptionsFactory<McpServerOptions> serverOptionsFactory,
    ISseEventStreamStore eventStreamStore,
    ILoggerFactory loggerFactory,
    IServiceProvider applicationServices,
    TimeProvider timeProvider)
{
    private McpServerOptions? _statelessOptions;

    /// <summary>
    /// Options for per-request servers, built once: the request already has a service scope, so the server
    /// must not open another per message.
    /// </summary>
    private McpServerOptions StatelessOptions => _statelessOptions ??= CreateStatelessOptions();

    /// <summary>A transport and server that answer one POST and are then disposed.</summary>
    public (StreamableHttpServerTransport Transport, McpServer Server) CreateForRequest(IServiceProvider requestServices)
    {
        var transport = new StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        return (transport, McpServer.Create(transport, StatelessOptions, loggerFactory, requestServices));
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

    private McpServerOptions CreateStatelessOptions()
    {
        var options = serverOptionsFactory.Create(Options.DefaultName);
        options.ScopeRequests = false;
        return options;
    }
}
