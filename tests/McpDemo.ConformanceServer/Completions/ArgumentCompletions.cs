using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Completions;

/// <summary>
/// Answers <c>completion/complete</c> for the arguments of the prompts and the resource template:
/// the known values that start with what the user typed so far.
/// </summary>
internal static class ArgumentCompletions
{
    private static readonly Dictionary<(string Reference, string Argument), string[]> Candidates = new()
    {
        [("test_prompt_with_arguments", "arg1")] = ["paris", "park", "party", "test", "testValue1"],
        [("test_prompt_with_arguments", "arg2")] = ["world", "wonder", "testValue2"],
        [("test_prompt_with_embedded_resource", "resourceUri")] = ["test://static-text", "test://example-resource"],
        [("test://template/{id}/data", "id")] = ["1", "123", "42"],
    };

    /// <summary>Handles <c>completion/complete</c>.</summary>
    public static ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        var request = context.Params ?? throw new McpProtocolException("Missing completion parameters.", McpErrorCode.InvalidParams);
        var reference = request.Ref switch
        {
            PromptReference prompt => prompt.Name,
            ResourceTemplateReference template => template.Uri,
            _ => null,
        };
        var typed = request.Argument.Value ?? "";
        string[] values = reference is not null && Candidates.TryGetValue((reference, request.Argument.Name), out var known)
            ? [.. known.Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))]
            : [];
        return ValueTask.FromResult(new CompleteResult
        {
            Completion = new Completion { Values = values, Total = values.Length, HasMore = false },
        });
    }
}
