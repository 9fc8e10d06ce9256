using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.InputRequired;

/// <summary>MRTR outside tools (SEP-2322): a prompt that needs an answer before it can be rendered.</summary>
[McpServerPromptType]
internal sealed class InputRequiredPrompts
{
    [McpServerPrompt(Name = "test_input_required_result_prompt")]
    [Description("Asks what context to use (key 'user_context'), then renders a prompt with it.")]
    public static PromptMessage Prompt(RequestContext<GetPromptRequestParams> request) =>
        InputQuestions.TextAnswer(request.Params!.InputResponses, "user_context", "context") is { } context
            ? new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = $"Use this context: {context}" } }
            : throw new InputRequiredException(new Dictionary<string, InputRequest>
            {
                ["user_context"] = InputQuestions.Text("What context should the prompt use?", "context"),
            }, requestState: null);
}
