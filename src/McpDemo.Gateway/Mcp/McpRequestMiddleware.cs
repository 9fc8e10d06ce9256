using McpDemo.Guards;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace McpDemo.Gateway.Mcp;

/// <summary>
/// Reads what an MCP POST is from its headers before anything routes or meters it. A 2026-07-28 (or later) request
/// without <c>Mcp-Method</c>, or without <c>Mcp-Name</c> where its method takes one, is answered 400 with a JSON-RPC
/// <c>HeaderMismatch</c> error, as the revision asks of intermediaries that rely on them. The result is kept as a
/// <see cref="McpRequestFeature"/> and described in telemetry. Older requests carry no such headers and pass as they
/// are (with <see cref="McpRoutingOptions.CheckBody"/>, their body says what they are).
/// </summary>
internal sealed class McpRequestMiddleware(RequestDelegate next, McpTelemetry telemetry, IOptions<GatewayOptions> options)
{
    private readonly bool _checkBody = options.Value.Routing.CheckBody;

    /// <summary>Validates and records the MCP headers of a POST, then passes it on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            await next(context);
            return;
        }

        var protocolVersion = McpRequestHeaders.Single(request, McpRequestHeaders.ProtocolVersion);
        var method = McpRequestHeaders.Single(request, McpRequestHeaders.Method);
        var rawName = McpRequestHeaders.Single(request, McpRequestHeaders.Name);
        string? name = null;
        if (rawName is not null && !McpRequestHeaders.TryDecodeName(rawName, out name))
        {
            await RejectAsync(context, $"The {McpRequestHeaders.Name} header's base64 value is not valid base64 UTF-8.");
            return;
        }
        if (McpRequestHeaders.RequiresThem(protocolVersion))
        {
            if (method is null)
            {
                await RejectAsync(context, $"A {protocolVersion} request must carry the {McpRequestHeaders.Method} header.");
                return;
            }
            if (name is null && McpRequestHeaders.MethodTakesName(method))
            {
                await RejectAsync(context, $"A {protocolVersion} {method} request must carry the {McpRequestHeaders.Name} header.");
                return;
            }
        }

        if (_checkBody && SmallRequestBody.Fits(request.ContentLength))
        {
            request.EnableBuffering(SmallRequestBody.MaxLength);
            var body = new byte[(int)request.ContentLength!.Value];
            await request.Body.ReadExactlyAsync(body, context.RequestAborted);
            request.Body.Position = 0;
            if (McpBodyTarget.TryRead(body, out var bodyMethod, out var bodyName))
            {
                if (method is not null && (method != bodyMethod || (name is not null && name != bodyName)))
                {
                    await RejectAsync(context, $"The {McpRequestHeaders.Method}/{McpRequestHeaders.Name} headers do not match the request body.");
                    return;
                }
                // A legacy request has no headers: meter it by what its body says.
                method ??= bodyMethod;
                name ??= bodyName;
            }
        }

        if (method is not null)
        {
            var feature = new McpRequestFeature(method, McpRequestHeaders.MethodTakesName(method) ? name : null);
            context.Features.Set(feature);
            telemetry.Describe(context, feature, protocolVersion);
        }
        await next(context);
    }

    // The revision names its own code for a header that is missing or contradicts the body, as the replicas answer it.
    private static Task RejectAsync(HttpContext context, string message) =>
        JsonRpcRefusal.WriteAsync(context, StatusCodes.Status400BadRequest, (int)McpErrorCode.HeaderMismatch, message);
}
