using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Guards;

/// <summary>
/// Per-tool scopes where the SDK has read the message: the tools a caller sees, and the calls of requests whose tool
/// the headers did not name.
/// </summary>
internal static class ToolScopeFilters
{
    /// <summary>
    /// <c>tools/list</c> shows only the tools the caller's token may call, so its answer is the caller's own:
    /// <c>cacheScope</c> becomes <c>private</c> (2026-07-28), and no shared cache serves it to another caller.
    /// </summary>
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> HideForbiddenTools(
        McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) => async (context, cancellationToken) =>
    {
        var result = await next(context, cancellationToken);
        if (context.User is { } user)
        {
            var scopes = context.Services!.GetRequiredService<ToolScopeMap>();
            result.Tools = [.. result.Tools.Where(tool => scopes.Allows(user, tool.Name))];
        }
        result.CacheScope = CacheScope.Private;
        return result;
    };

    /// <summary>
    /// Refuses a call whose token lacks the tool's scope with a JSON-RPC error (-32000, in the HTTP 200 answer). The
    /// HTTP-level 403 comes from <c>Mcp-Name</c> before the body is read; a 2025 (legacy) request has no such header,
    /// and its tool is known only here, after the SDK has parsed the body and committed to an answer stream.
    /// </summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> RequireToolScope(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) => (context, cancellationToken) =>
    {
        var tool = context.Params!.Name;
        var scopes = context.Services!.GetRequiredService<ToolScopeMap>();
        if (context.User is { } user && !scopes.Allows(user, tool))
        {
            var needed = scopes.For(tool);
            RefusalLog.RefusedToolCall(context.Services!.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ToolScopeFilters).FullName!), tool, needed);
            throw new McpProtocolException(
                $"Forbidden: insufficient_scope. Tool '{tool}' needs the scopes '{needed}'; get a token with them and retry.",
                (McpErrorCode)JsonRpcRefusal.TransportErrorCode);
        }
        return next(context, cancellationToken);
    };
}
