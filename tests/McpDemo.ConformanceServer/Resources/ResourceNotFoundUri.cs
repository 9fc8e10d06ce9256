using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Resources;

/// <summary>
/// Puts the requested URI in the data of a resource-not-found error (SEP-2164: <c>error.data.uri</c>), which the
/// SDK's default answer leaves out. From 2026-07-28 the SDK answers a missing resource with -32602 (SEP-2164), before
/// that with -32002.
/// </summary>
internal static class ResourceNotFoundUri
{
    public static McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> Add(
        McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> next) => async (context, cancellationToken) =>
    {
        try
        {
            return await next(context, cancellationToken);
        }
        catch (McpProtocolException e) when (e.ErrorCode is McpErrorCode.ResourceNotFound or McpErrorCode.InvalidParams && context.Params?.Uri is { } uri)
        {
            // The SDK writes an exception's Data entries as the JSON-RPC error's data.
            e.Data["uri"] = uri;
            throw;
        }
    };
}
