using System.Text.Json;
using McpDemo.StreamableHttp.Protocol;
using McpDemo.StreamableHttp.Security;
using McpDemo.StreamableHttp.Sessions;
using McpDemo.StreamableHttp.Stateless;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.StreamableHttp;

/// <summary>
/// Maps POST, GET and DELETE on the MCP endpoint onto ModelContextProtocol.Core's
/// <see cref="StreamableHttpServerTransport"/>. Every check that can refuse a request runs before any MCP server
/// sees it, and every refusal is a 4xx with a JSON-RPC error body.
/// </summary>
internal sealed partial class StreamableHttpHandler(
    IOptions<McpHttpOptions> options,
    DnsRebindingGuard dnsRebindingGuard,
    ApiKeyAuthenticator apiKeyAuthenticator,
    McpServerFactory serverFactory,
    RequestServerPool requestServers,
    McpSessionStore sessions,
    ISseEventStreamStore eventStreamStore,
    IHostApplicationLifetime lifetime,
    ILogger<StreamableHttpHandler> logger)
{
    private readonly bool _stateless = options.Value.SessionMode == McpSessionMode.Stateless;
    private readonly long _maxRequestBodySize = options.Value.MaxRequestBodySize;
    private readonly bool _preferJsonResponses = options.Value.PreferJsonResponses;

    public async Task HandlePostAsync(HttpContext context)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }

        var request = context.Request;
        var accept = request.Headers.Accept;
        if (!MediaTypes.Accepts(accept, MediaTypes.Json) || !MediaTypes.Accepts(accept, MediaTypes.EventStream))
        {
            await RefuseAsync(context, StatusCodes.Status406NotAcceptable,
                "Not Acceptable: the Accept header must list both application/json and text/event-stream.");
            return;
        }

        if (!MediaTypes.IsJson(request.ContentType))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "Unsupported Media Type: the Content-Type must be application/json.");
            return;
        }

        var body = await ReadBodyAsync(context);
        if (body.Message is not { } message)
        {
            await RefuseAsync(context, body.StatusCode, body.ErrorMessage!, body.ErrorCode);
            return;
        }

        var (accepted, protocolVersion) = await CheckProtocolVersionAsync(context);
        if (!accepted)
        {
            return;
        }

        var sessionless = protocolVersion.Length > 0 && McpProtocolVersions.IsSessionless(protocolVersion);
        if (sessionless && StandardHeaders.GetMismatch(request, message) is { } mismatch)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, mismatch, JsonRpcErrorCodes.HeaderMismatch);
            return;
        }

        AttachMessageContext(context, message, sessionless ? protocolVersion : null);

        if (_stateless || sessionless)
        {
            await HandleRequestScopedPostAsync(context, message);
        }
        else
        {
            await HandleSessionPostAsync(context, message);
        }
    }

    public async Task HandleGetAsync(HttpContext context)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }

        if (!MediaTypes.Accepts(context.Request.Headers.Accept, MediaTypes.EventStream))
        {
            await RefuseAsync(context, StatusCodes.Status406NotAcceptable, "Not Acceptable: the Accept header must list text/event-stream.");
            return;
        }

        if (!(await CheckProtocolVersionAsync(context)).Accepted || await FindSessionAsync(context) is not { } session)
        {
            return;
        }

        var lastEventId = context.Request.Headers[McpHeaderNames.LastEventId].ToString();
        using var streamCancellation = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, session.Closed, lifetime.ApplicationStopping);
        using var lease = session.BeginRequest();
        try
        {
            if (lastEventId.Length > 0)
            {
                await ResumeStreamAsync(context, session, lastEventId, streamCancellation.Token);
            }
            else
            {
                await OpenStandaloneStreamAsync(context, session, streamCancellation.Token);
            }
        }
        catch (OperationCanceledException) when (streamCancellation.IsCancellationRequested)
        {
            // Streams end by cancellation: the client left, the session ended, or the server is stopping.
        }
    }

    public async Task HandleDeleteAsync(HttpContext context)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }

        if (!(await CheckProtocolVersionAsync(context)).Accepted || await FindSessionAsync(context) is not { } session)
        {
            return;
        }

        await sessions.RemoveAsync(session, "deleted by the client");
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Stateless mode has no sessions, hence no standalone stream to GET and nothing to DELETE.</summary>
    public async Task HandleMethodNotAllowedAsync(HttpContext context)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }

        context.Response.Headers.Allow = "POST";
        await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed,
            $"Method Not Allowed: this server is stateless, so it has no session streams and no sessions to delete; {context.Request.Method} is not supported.");
    }

    private async Task HandleRequestScopedPostAsync(HttpContext context, JsonRpcMessage message)
    {
        var server = requestServers.Rent(message);
        var completed = false;
        try
        {
            await AnswerPostAsync(context, server.Transport, message, context.RequestAborted);
            completed = !context.RequestAborted.IsCancellationRequested;
        }
        finally
        {
            await requestServers.ReturnAsync(server, message, completed);
        }
    }

    private async Task HandleSessionPostAsync(HttpContext context, JsonRpcMessage message)
    {
        if (context.Request.Headers[McpHeaderNames.SessionId].Count == 0)
        {
            if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest,
                    "Bad Request: the Mcp-Session-Id header is required; only an initialize request may start a session.");
                return;
            }

            var session = serverFactory.CreateSession(SessionIds.NewId(), McpUserId.From(context.User));
            sessions.Add(session);
            LogSessionStarted(logger);
            await AnswerSessionPostAsync(context, session, message);

            // An initialize the transport refused (malformed params) must not leave a session behind.
            if (context.Response.StatusCode >= StatusCodes.Status400BadRequest)
            {
                await sessions.RemoveAsync(session, "initialize refused");
            }

            return;
        }

        if (await FindSessionAsync(context) is { } existing)
        {
            await AnswerSessionPostAsync(context, existing, message);
        }
    }

    private async Task AnswerSessionPostAsync(HttpContext context, McpSession session, JsonRpcMessage message)
    {
        context.Response.Headers[McpHeaderNames.SessionId] = session.Id;
        using var lease = session.BeginRequest();
        using var requestCancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session.Closed);
        try
        {
            await AnswerPostAsync(context, session.Transport, message, requestCancellation.Token);
        }
        catch (OperationCanceledException) when (session.Closed.IsCancellationRequested)
        {
            // DELETE, expiry or eviction ended the session mid-request; its work is cancelled with it.
        }
    }

    private async Task AnswerPostAsync(HttpContext context, StreamableHttpServerTransport transport, JsonRpcMessage message, CancellationToken cancellationToken)
    {
        var body = new PostResponseBody(context, _preferJsonResponses);
        bool wroteResponse;
        try
        {
            wroteResponse = await transport.HandlePostRequestAsync(message, body, cancellationToken);
            await body.CompleteAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (JsonException) when (!context.Response.HasStarted)
        {
            // The transport reads initialize params eagerly; params of the wrong shape are the client's error.
            context.Response.Headers.Remove(McpHeaderNames.SessionId);
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrorCodes.InvalidParams,
                "Invalid params: the initialize parameters do not match the MCP schema.");
            return;
        }

        if (!wroteResponse)
        {
            // Notifications and responses get no answer.
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    private async Task OpenStandaloneStreamAsync(HttpContext context, McpSession session, CancellationToken cancellationToken)
    {
        if (!session.StandaloneStream.TryHold())
        {
            await RefuseStandaloneStreamInUseAsync(context);
            return;
        }

        try
        {
            if (!session.StandaloneStream.TryStartTransportStream())
            {
                // 409 like the concurrent case: the request is valid, but conflicts with the stream the session already had.
                await RefuseAsync(context, StatusCodes.Status409Conflict,
                    "Conflict: this session's GET stream was already opened and cannot be opened again; resume it with "
                    + "Last-Event-ID set to the id of its first (priming) event or any later one, or start a new session.");
                return;
            }

            SseResponse.Start(context);

            // Send the headers now: the first server-initiated message may be a long time coming.
            await context.Response.Body.FlushAsync(cancellationToken);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, cancellationToken);
        }
        finally
        {
            session.StandaloneStream.Release();
        }
    }

    private async Task ResumeStreamAsync(HttpContext context, McpSession session, string lastEventId, CancellationToken cancellationToken)
    {
        var reader = await eventStreamStore.GetStreamReaderAsync(lastEventId, cancellationToken);

        // A stream of another session is reported exactly like an unknown one: ids reveal nothing across sessions.
        if (reader is null || reader.SessionId != session.Id)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: the Last-Event-ID is unknown or has expired; this stream can no longer be resumed.");
            return;
        }

        // The resumed standalone stream stays open for new unsolicited messages, so it is held like a fresh one.
        var standalone = reader.StreamId == StreamableHttpServerTransport.UnsolicitedMessageStreamId;
        if (standalone && !session.StandaloneStream.TryHold())
        {
            await RefuseStandaloneStreamInUseAsync(context);
            return;
        }

        try
        {
            SseResponse.Start(context);
            await context.Response.Body.FlushAsync(cancellationToken);
            await SseResponse.WriteEventsAsync(context, reader.ReadEventsAsync(cancellationToken), cancellationToken);
        }
        finally
        {
            if (standalone)
            {
                session.StandaloneStream.Release();
            }
        }
    }

    /// <summary>409: the request is valid, but conflicts with the GET stream another connection has open.</summary>
    private Task RefuseStandaloneStreamInUseAsync(HttpContext context) =>
        RefuseAsync(context, StatusCodes.Status409Conflict,
            "Conflict: this session already has an open GET stream; close it before opening or resuming it again.");

    /// <summary>Host/Origin validation, then the API key when keys are configured.</summary>
    private async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        if (dnsRebindingGuard.GetRejection(context.Request) is { } rejection)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, rejection);
            return false;
        }

        if (!apiKeyAuthenticator.IsEnabled)
        {
            return true;
        }

        if (apiKeyAuthenticator.Authenticate(context.Request) is not { } keyUser)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"mcp\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized,
                "Unauthorized: send Authorization: Bearer <key> with a key from Mcp:ApiKeys.");
            return false;
        }

        context.User = keyUser;
        return true;
    }

    private async ValueTask<(bool Accepted, string Version)> CheckProtocolVersionAsync(HttpContext context)
    {
        var version = context.Request.Headers[McpHeaderNames.ProtocolVersion].ToString();
        if (version.Length == 0 || McpProtocolVersions.IsSupported(version))
        {
            return (true, version);
        }

        await RefuseAsync(context, StatusCodes.Status400BadRequest,
            $"Bad Request: MCP-Protocol-Version '{version}' is not supported; supported versions are {McpProtocolVersions.SupportedList}.");
        return (false, version);
    }

    /// <summary>Finds the session the request names, refusing with 400 (no id), 404 (unknown or expired) or 403 (another user's).</summary>
    private async ValueTask<McpSession?> FindSessionAsync(HttpContext context)
    {
        var sessionId = context.Request.Headers[McpHeaderNames.SessionId].ToString();
        if (sessionId.Length == 0)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the Mcp-Session-Id header is required.");
            return null;
        }

        if (!sessions.TryGet(sessionId, out var session))
        {
            await RefuseAsync(context, StatusCodes.Status404NotFound,
                "Not Found: the session does not exist or has ended; start a new one with initialize.", JsonRpcErrorCodes.SessionNotFound);
            return null;
        }

        if (session.UserId != McpUserId.From(context.User))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "Forbidden: the session belongs to another user.");
            return null;
        }

        return session;
    }

    private async ValueTask<JsonRpcBodyReadResult> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonRpcBodyReader.ReadAsync(context.Request, _maxRequestBodySize, context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits and framing errors (such as malformed chunks) are the client's fault too.
            return JsonRpcBodyReadResult.Refused(ex.StatusCode, JsonRpcErrorCodes.InvalidRequest, $"Bad Request: {ex.Message}");
        }
    }

    private static void AttachMessageContext(HttpContext context, JsonRpcMessage message, string? protocolVersion)
    {
        var user = context.User;
        var authenticated = user.Identity?.IsAuthenticated == true;

        // Legacy revisions negotiate their version in initialize; a context version would pin it, so it is only set
        // for revisions that carry their version per request.
        if (authenticated || protocolVersion is not null)
        {
            message.Context = new JsonRpcMessageContext
            {
                User = authenticated ? user : null,
                ProtocolVersion = protocolVersion,
            };
        }
    }

    private Task RefuseAsync(HttpContext context, int statusCode, string message, int errorCode = JsonRpcErrorCodes.TransportError)
    {
        LogRefused(logger, context.Request.Method, statusCode, message);
        return JsonRpcErrorResponse.WriteAsync(context, statusCode, errorCode, message);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused MCP {Method} with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP session started.")]
    private static partial void LogSessionStarted(ILogger logger);
}
