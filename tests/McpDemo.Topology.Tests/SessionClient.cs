using System.Net;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpDemo.Topology.Tests;

/// <summary>
/// One MCP session of the official C# client, on its own <see cref="HttpClient"/> so its cookie jar (or lack
/// of one) is its own, as two separate users' would be.
/// </summary>
internal sealed class SessionClient : IAsyncDisposable
{
    /// <summary>The last protocol revision with sessions; newer ones are answered without a session.</summary>
    private const string SessionProtocolVersion = "2025-11-25";

    private readonly HttpClient _http;
    private readonly McpClient _client;

    private SessionClient(HttpClient http, McpClient client, CookieContainer? cookies)
    {
        _http = http;
        _client = client;
        Cookies = cookies;
    }

    /// <summary>The client's cookie jar, or null when it has none.</summary>
    public CookieContainer? Cookies { get; }

    /// <summary>The session id the server handed out.</summary>
    public string? SessionId => _client.SessionId;

    /// <summary>
    /// Initializes a new session at <paramref name="endpoint"/>, keeping cookies only when <paramref name="withCookieJar"/>,
    /// and sending every request through <paramref name="handler"/> when given (which then belongs to the client).
    /// </summary>
    public static async Task<SessionClient> ConnectAsync(Uri endpoint, bool withCookieJar, DelegatingHandler? handler = null, CancellationToken cancellationToken = default)
    {
        var cookies = withCookieJar ? new CookieContainer() : null;
        HttpMessageHandler sockets = new SocketsHttpHandler { UseCookies = withCookieJar, CookieContainer = cookies ?? new CookieContainer() };
        if (handler is not null)
        {
            handler.InnerHandler = sockets;
        }
        var http = new HttpClient(handler ?? sockets);
        try
        {
            var client = await McpClient.CreateAsync(
                new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }, http),
                new McpClientOptions { ProtocolVersion = SessionProtocolVersion, DiscoverProbeTimeout = TimeSpan.FromSeconds(30) },
                cancellationToken: cancellationToken);
            return new SessionClient(http, client, cookies);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Calls <c>ping</c> and returns the replica that answered.</summary>
    public async Task<string> PingAsync(CancellationToken cancellationToken = default)
    {
        var result = await _client.CallToolAsync("ping", cancellationToken: cancellationToken);
        var text = result.Content.OfType<TextContentBlock>().SingleOrDefault()?.Text;
        return result.IsError is not true && text is not null
            ? Pong.ReplicaOf(text)
            : throw new InvalidOperationException($"ping failed: {string.Join(' ', result.Content.OfType<TextContentBlock>().Select(b => b.Text))}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        _http.Dispose();
    }
}
