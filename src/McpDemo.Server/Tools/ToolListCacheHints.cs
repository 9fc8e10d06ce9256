using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>
/// Cache hints on <c>tools/list</c> (2026-07-28 <c>ttlMs</c> and <c>cacheScope</c>): the product tools are fixed
/// for a build and, unless per-tool scopes filtered the list for its caller (which marks it private), the same for
/// every caller, so clients and intermediaries may share the list for a while.
/// </summary>
internal static class ToolListCacheHints
{
    /// <summary>How long a client may reuse the list; short enough that a deployment's new tools show up soon.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> Add(
        McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) => async (context, cancellationToken) =>
    {
        var result = await next(context, cancellationToken);
        result.TimeToLive = TimeToLive;
        result.CacheScope ??= CacheScope.Public;
        return result;
    };
}
