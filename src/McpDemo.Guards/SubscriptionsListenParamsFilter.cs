using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Guards;

/// <summary>
/// Answers a <c>subscriptions/listen</c> whose params do not bind (say <c>"notifications": "garbage"</c>) with
/// -32602 Invalid params, as the 2026-07-28 spec asks. SDK 2.4.0 lets the binding error surface as -32603 Internal
/// error, which tells the client the server failed when the client did. Valid requests pass untouched.
/// </summary>
internal static class SubscriptionsListenParamsFilter
{
    public static McpMessageHandler Validate(McpMessageHandler next) => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.SubscriptionsListen, Params: { } parameters })
        {
            try
            {
                parameters.Deserialize<SubscriptionsListenRequestParams>(McpJsonUtilities.DefaultOptions);
            }
            catch (JsonException e)
            {
                throw new McpProtocolException(
                    $"Invalid params for subscriptions/listen: {e.Message.Split(" Path:", 2)[0]} 'notifications' must be an object of notification flags.",
                    McpErrorCode.InvalidParams);
            }
        }
        return next(context, cancellationToken);
    };
}
