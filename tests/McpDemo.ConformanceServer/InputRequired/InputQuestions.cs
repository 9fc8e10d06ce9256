using ModelContextProtocol.Protocol;

namespace McpDemo.ConformanceServer.InputRequired;

/// <summary>The MRTR input requests the SEP-2322 fixtures ask, and reading their answers.</summary>
internal static class InputQuestions
{
    /// <summary>An elicitation form with one required field of <paramref name="schema"/>.</summary>
    public static InputRequest Form(string message, string field, ElicitRequestParams.PrimitiveSchemaDefinition schema) =>
        InputRequest.ForElicitation(new ElicitRequestParams
        {
            Message = message,
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> { [field] = schema },
                Required = [field],
            },
        });

    /// <summary>An elicitation form with one required string field.</summary>
    public static InputRequest Text(string message, string field) => Form(message, field, new ElicitRequestParams.StringSchema());

    /// <summary>A sampling request for one short answer to <paramref name="prompt"/>.</summary>
    public static InputRequest Sample(string prompt, int maxTokens) => InputRequest.ForSampling(new CreateMessageRequestParams
    {
        Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
        MaxTokens = maxTokens,
    });

    /// <summary>A <c>roots/list</c> request.</summary>
    public static InputRequest Roots() => InputRequest.ForRootsList(new ListRootsRequestParams());

    /// <summary>
    /// The string <paramref name="field"/> of the elicitation answer under <paramref name="key"/>, or null when there
    /// is none or it is not an elicitation result (SEP-2322: the server validates answers, and asks again).
    /// </summary>
    public static string? TextAnswer(IDictionary<string, InputResponse>? responses, string key, string field)
    {
        if (responses is null || !responses.TryGetValue(key, out var response))
        {
            return null;
        }
        try
        {
            return response.Deserialize(InputResponse.ElicitResultJsonTypeInfo)?.Content is { } content
                && content.TryGetValue(field, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="responses"/> holds an answer under <paramref name="key"/>.</summary>
    public static bool Answered(IDictionary<string, InputResponse>? responses, string key) =>
        responses?.ContainsKey(key) == true;
}
