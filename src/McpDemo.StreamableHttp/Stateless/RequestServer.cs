using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp.Stateless;

/// <summary>An MCP server on a stateless transport, running and ready to answer POSTs one at a time.</summary>
internal sealed class RequestServer : IAsyncDisposable
{
    private readonly Task _run;

    public RequestServer(StreamableHttpServerTransport transport, McpServer server)
    {
        Transport = transport;
        Server = server;

        // The message loop must not capture the context of the request that happened to create the server:
        // it would leak that request's HttpContext into later requests.
        using (ExecutionContext.SuppressFlow())
        {
            _run = Task.Run(() => server.RunAsync(CancellationToken.None));
        }
    }

    public StreamableHttpServerTransport Transport { get; }

    public McpServer Server { get; }

    public async ValueTask DisposeAsync()
    {
        // Completing the transport ends the server's message loop.
        await Transport.DisposeAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // A loop stopped mid-message ends by cancellation.
        }

        await Server.DisposeAsync();
    }
}
