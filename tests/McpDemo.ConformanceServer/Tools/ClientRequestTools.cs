using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Tools;

/// <summary>
/// Tools that ask the client something mid-call: an LLM completion (sampling) or user input
/// (elicitation). Both need a session to carry the server's request, so they fail in stateless mode.
/// </summary>
[McpServerToolType]
internal sealed class ClientRequestTools
{
    [McpServerTool(Name = "test_sampling"), Description("Asks the client's LLM to answer a prompt and returns its answer.")]
    public static async Task<string> Sampling(
        McpServer server,
        [Description("The prompt to send to the LLM.")] string prompt,
        CancellationToken cancellationToken)
    {
        var result = await ClientRequest.SendAsync(() => server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                MaxTokens = 100,
            },
            cancellationToken));
        var answer = string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        return $"LLM response: {answer}";
    }

    [McpServerTool(Name = "test_elicitation"), Description("Asks the user for a username and an email address.")]
    public static async Task<string> Elicitation(
        McpServer server,
        [Description("The message to show the user.")] string message,
        CancellationToken cancellationToken)
    {
        var result = await ClientRequest.SendAsync(() => server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = message,
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties =
                    {
                        ["username"] = new ElicitRequestParams.StringSchema { Description = "User's response" },
                        ["email"] = new ElicitRequestParams.StringSchema { Description = "User's email address" },
                    },
                    Required = ["username", "email"],
                },
            },
            cancellationToken));
        return $"User response: action={result.Action}, content={JsonSerializer.Serialize(result.Content)}";
    }
}
