using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.Server.Tools;

/// <summary>
/// The <c>confirm_action</c> tool: asks the user to confirm an action before answering. It raises the question as an
/// MRTR input request (<see cref="InputRequiredException"/>); the SDK sends it as an <c>input_required</c> result to
/// 2026-07-28 clients, which retry with the answer, and resolves it with a classic <c>elicitation/create</c> request
/// in a legacy session. Either way the tool runs again with the answer and the protected <see cref="ConfirmationState"/>.
/// </summary>
[McpServerToolType]
public sealed class ConfirmActionTool(ConfirmationState confirmationState)
{
    /// <summary>The key of the confirmation question in <c>inputRequests</c> and <c>inputResponses</c>.</summary>
    public const string QuestionKey = "confirm";

    /// <summary>The boolean field of the elicitation form.</summary>
    public const string ConfirmField = "confirm";

    /// <summary>Answers <c>confirmed: &lt;action&gt;</c> or <c>not confirmed: &lt;action&gt; (&lt;reason&gt;)</c>.</summary>
    [McpServerTool(Name = "confirm_action", Title = "Confirm action", OpenWorld = false)]
    [Description("Asks the user to confirm 'action' (through elicitation) and answers whether they did. Nothing is performed: it shows how a tool gets a confirmation.")]
#pragma warning disable MCPEXP001 // MRTR (SEP-2322) is experimental in the SDK, and it is how 2026-07-28 asks a user anything.
    public string ConfirmAction(
        RequestContext<CallToolRequestParams> request,
        [Description("What the user is asked to confirm, e.g. 'delete the staging database'. 1 to 200 characters.")] string action)
    {
        if (string.IsNullOrWhiteSpace(action) || action.Length > 200)
        {
            throw new McpException("action must be 1 to 200 characters.");
        }
        var parameters = request.Params!;
        if (parameters.RequestState is not { } state)
        {
            throw Ask(action);
        }
        var askedAbout = confirmationState.Unprotect(state)
            ?? throw new McpException("The confirmation state is forged or has expired; call confirm_action again without requestState.");
        if (askedAbout != action)
        {
            throw new McpException("The confirmation state was issued for another action; call confirm_action again without requestState.");
        }
        InputResponse? response = null;
        if (parameters.InputResponses?.TryGetValue(QuestionKey, out response) != true || response is null)
        {
            // The retry carried no answer (another client, a lost response): ask again rather than fail.
            throw Ask(action);
        }

        var answer = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
        if (answer is not { Action: "accept" })
        {
            return $"not confirmed: {action} ({answer?.Action ?? "no answer"})";
        }
        return answer.Content is { } content && content.TryGetValue(ConfirmField, out var confirmed) && confirmed.ValueKind == JsonValueKind.True
            ? $"confirmed: {action}"
            : $"not confirmed: {action} (answered no)";
    }

    private InputRequiredException Ask(string action) => new(
        new Dictionary<string, InputRequest>
        {
            [QuestionKey] = InputRequest.ForElicitation(new ElicitRequestParams
            {
                Message = $"Confirm: {action}?",
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                    {
                        [ConfirmField] = new ElicitRequestParams.BooleanSchema { Description = $"Yes to {action}" },
                    },
                    Required = [ConfirmField],
                },
            }),
        },
        confirmationState.Protect(action));
#pragma warning restore MCPEXP001
}
