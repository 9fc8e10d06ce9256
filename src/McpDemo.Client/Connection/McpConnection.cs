using System.Net;
using McpDemo.Client.Authorization;
using McpDemo.Client.Failures;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpDemo.Client.Connection;

/// <summary>
/// One MCP client over Streamable HTTP with its own connection pool and cookie jar, like one real user:
/// a load balancer's affinity cookie (an ALB's <c>AWSALB</c>) set on one response comes back on the next.
/// </summary>
internal sealed class McpConnection : IAsyncDisposable
{
    private static readonly Implementation ClientInfo = new()
    {
        Name = "McpDemo.Client",
        Version = typeof(McpConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
    };

    private readonly HttpClientTransport _transport;

    private McpConnection(Uri endpoint, HttpClientTransport transport, McpClient client)
    {
        Endpoint = endpoint;
        _transport = transport;
        Client = client;
    }

    /// <summary>The MCP endpoint this connection talks to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The connected SDK client.</summary>
    public McpClient Client { get; }

    /// <summary>Whether this connection speaks a sessionless revision (2026-07-28 or later), where <c>subscriptions/listen</c> replaces the GET stream.</summary>
    public bool IsSessionless =>
        // Revisions are dates, so they order as strings (the SDK's own check is internal).
        string.CompareOrdinal(Client.NegotiatedProtocolVersion, ConnectionOptions.SessionlessProtocolVersion) >= 0;

    /// <summary>
    /// Connects (<c>server/discover</c> under 2026-07-28, else the <c>initialize</c> handshake), proving who the caller is
    /// with <paramref name="credentials"/> on every request, or throws a <see cref="ClientFailure"/> saying why not.
    /// </summary>
    public static async Task<McpConnection> OpenAsync(
        Uri endpoint, CallerCredentials credentials, ConnectionOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var httpClient = credentials.CreateHttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true });
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = endpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
                EnableStandaloneGetStream = options.ReceiveServerMessages,
            },
            httpClient,
            loggerFactory,
            ownsHttpClient: true);
        var clientOptions = new McpClientOptions
        {
            ClientInfo = ClientInfo,
            ProtocolVersion = options.ProtocolVersion,
            // The probe timeout (5 s by default) is for servers that drop an unknown method in silence; over HTTP
            // every request is answered, old servers included. On a loaded machine a slow server/discover timed out
            // and the client quietly fell back to a legacy session, so only the whole connect budget applies.
            DiscoverProbeTimeout = Timeout.InfiniteTimeSpan,
            Handlers = new McpClientHandlers { ElicitationHandler = options.ElicitationHandler },
        };
        try
        {
            var client = await McpClient.CreateAsync(transport, clientOptions, loggerFactory, cancellationToken);
            return new McpConnection(endpoint, transport, client);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await transport.DisposeAsync();
            throw FailureTranslator.WhileConnecting(exception, endpoint, options.ProtocolVersion);
        }
    }

    /// <summary>Ends the session (a DELETE when there is one) and releases the connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        // The client only closes its session; the transport owns the HttpClient and its sockets.
        await _transport.DisposeAsync();
    }
}
