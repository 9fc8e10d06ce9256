using System.Net;
using ModelContextProtocol;

namespace McpDemo.Client.Failures;

/// <summary>
/// Turns what the HTTP stack and the MCP SDK throw into a <see cref="ClientFailure"/>: one line that
/// says what happened and what to do next, classified by exit code.
/// </summary>
internal static class FailureTranslator
{
    /// <summary>
    /// Translates a failure while connecting to <paramref name="endpoint"/> (before <c>server/discover</c> or the
    /// handshake completed), when speaking <paramref name="pinnedProtocol"/> if the command line pinned one.
    /// </summary>
    public static ClientFailure WhileConnecting(Exception exception, Uri endpoint, string? pinnedProtocol) => exception switch
    {
        // Thrown by our own HTTP handlers (getting a token), and wrapped by the SDK's transport on the way out.
        _ when Find<ClientFailure>(exception) is { } failure => failure,
        _ when Find<HttpRequestException>(exception) is { StatusCode: { } status } =>
            IsNotMcpStatus(status)
                ? new(ExitCodes.NotMcp,
                    $"{endpoint} answered HTTP {Describe(status)}: it is not an MCP Streamable HTTP endpoint. Check the URL (MCP endpoints usually end in /mcp).",
                    exception)
                : FromStatus(status, exception),
        _ when Find<HttpRequestException>(exception) is { } http =>
            new(ExitCodes.Unreachable,
                $"Cannot reach {endpoint}: {http.Message}. Is the server running? Start it, or pass the right --endpoint.",
                exception),
        _ when Find<TimeoutException>(exception) is not null =>
            new(ExitCodes.Unreachable,
                $"{endpoint} did not answer in time. Is the server running and healthy? Check it, or pass the right --endpoint.",
                exception),
        // A pinned revision forbids the SDK's fallback, so a server without it refuses to connect.
        McpException pinned when pinnedProtocol is not null =>
            new(ExitCodes.NotMcp,
                $"{endpoint} did not accept protocol {pinnedProtocol}: {pinned.Message.TrimEnd('.')}. Leave out --protocol to speak the newest revision the server offers.",
                exception),
        McpProtocolException protocol =>
            new(ExitCodes.NotMcp,
                $"{endpoint} refused the MCP handshake: {protocol.Message}. Check that it is an MCP server speaking a protocol revision this client knows.",
                exception),
        McpException mcp =>
            new(ExitCodes.NotMcp,
                $"{endpoint} did not answer like an MCP server ({mcp.Message}). Check the URL (MCP endpoints usually end in /mcp).",
                exception),
        _ => Unexpected(exception),
    };

    /// <summary>Translates a failure of a request made on an established connection.</summary>
    public static ClientFailure WhileCalling(Exception exception) => exception switch
    {
        _ when Find<ClientFailure>(exception) is { } failure => failure,
        McpProtocolException protocol =>
            new(ExitCodes.ToolError,
                $"The server rejected the request: {protocol.Message} (JSON-RPC error {(int)protocol.ErrorCode}). Run the 'tools' command to see the tools and their arguments.",
                exception),
        _ when Find<HttpRequestException>(exception) is { StatusCode: HttpStatusCode.NotFound } =>
            new(ExitCodes.HttpError,
                "The server no longer knows this session (HTTP 404): it expired or its replica went away. Run the command again to start a new session.",
                exception),
        _ when Find<HttpRequestException>(exception) is { StatusCode: { } status } => FromStatus(status, exception),
        _ when Find<HttpRequestException>(exception) is { } http =>
            new(ExitCodes.Unreachable,
                $"Lost the connection to the server: {http.Message}. Is it still running? Run the command again once it is.",
                exception),
        _ when Find<TimeoutException>(exception) is not null =>
            new(ExitCodes.Unreachable, "The server did not answer in time. Check that it is healthy, then run the command again.", exception),
        McpException mcp =>
            new(ExitCodes.HttpError, $"The MCP connection failed: {mcp.Message}. Run the command again.", exception),
        _ => Unexpected(exception),
    };

    private static bool IsNotMcpStatus(HttpStatusCode status) => status is
        HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotAcceptable or
        HttpStatusCode.UnsupportedMediaType or HttpStatusCode.NotImplemented;

    private static ClientFailure FromStatus(HttpStatusCode status, Exception exception)
    {
        var hint = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                "The server wants credentials: for OAuth set MCP_CLIENT_ID and MCP_CLIENT_SECRET (or --client-id and --client-secret); for an API key pass --api-key <key> or set MCP_API_KEY. If you did, the server does not accept them.",
            HttpStatusCode.TooManyRequests => "The server is shedding load; lower the request rate or concurrency and try again.",
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => "The gateway has no healthy replica behind it; check that the server replicas are running.",
            _ when (int)status >= 500 => "The server failed; check its logs and traces, then try again.",
            _ => "Check the endpoint and the command line, then try again.",
        };
        return new(ExitCodes.HttpError, $"The server answered HTTP {Describe(status)}. {hint}", exception);
    }

    private static ClientFailure Unexpected(Exception exception) =>
        new(ExitCodes.Unexpected, $"Unexpected {exception.GetType().Name}: {exception.Message}", exception);

    private static string Describe(HttpStatusCode status) => $"{(int)status} ({status})";

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }
        return null;
    }
}
