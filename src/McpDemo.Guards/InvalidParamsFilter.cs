using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Guards;

/// <summary>
/// Answers requests whose params do not bind with -32602 Invalid params, as the spec asks. SDK 2.4.0 lets the binding
/// error surface as -32603 Internal error, which tells the client the server failed when the client did:
/// <list type="bullet">
/// <item><c>subscriptions/listen</c> whose <c>notifications</c> is not an object of flags (say <c>"garbage"</c>);</item>
/// <item><c>tools/call</c> whose MRTR <c>requestState</c> is not a string, or whose <c>inputResponses</c> is not an object.</item>
/// </list>
/// The tools/call check looks at two JSON node kinds, so a valid call pays no second deserialization. Valid requests pass untouched.
/// </summary>
internal static class InvalidParamsFilter
{
    public static McpMessageHandler Validate(McpMessageHandler next) => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest { Params: { } parameters } request)
        {
            switch (request.Method)
            {
                case RequestMethods.ToolsCall:
                    ValidateCallTool(parameters);
                    break;
                case RequestMethods.SubscriptionsListen:
                    ValidateListen(parameters);
                    break;
            }
        }
        return next(context, cancellationToken);
    };

    private static void ValidateCallTool(JsonNode parameters)
    {
        if (parameters is not JsonObject fields)
        {
            return;
        }
        // null is as good as absent: the SDK reads both as "no state".
        if (fields.TryGetPropertyValue("requestState", out var state) && state is not null && state.GetValueKind() != JsonValueKind.String)
        {
            throw new McpProtocolException(
                $"Invalid params for tools/call: 'requestState' must be the string the server sent, not {Describe(state)}.", McpErrorCode.InvalidParams);
        }
        if (fields.TryGetPropertyValue("inputResponses", out var responses) && responses is not null && responses.GetValueKind() != JsonValueKind.Object)
        {
            throw new McpProtocolException(
                $"Invalid params for tools/call: 'inputResponses' must be an object keyed by input request, not {Describe(responses)}.", McpErrorCode.InvalidParams);
        }
    }

    private static void ValidateListen(JsonNode parameters)
    {
        try
        {
            parameters.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(SubscriptionsListenRequestParams)));
        }
        catch (JsonException e)
        {
            throw new McpProtocolException(
                $"Invalid params for subscriptions/listen: {e.Message.Split(" Path:", 2)[0]} 'notifications' must be an object of notification flags.",
                McpErrorCode.InvalidParams);
        }
    }

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        var kind => kind.ToString(),
    };
}
