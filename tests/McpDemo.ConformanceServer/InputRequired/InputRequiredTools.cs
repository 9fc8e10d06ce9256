using System.ComponentModel;
using Microsoft.AspNetCore.DataProtection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.InputRequired;

/// <summary>
/// The tools of the SEP-2322 (MRTR) scenarios: each asks its questions by throwing <see cref="InputRequiredException"/>
/// and answers once the client's retry carries the responses (and the <c>requestState</c> it was given).
/// </summary>
[McpServerToolType]
internal sealed class InputRequiredTools(IDataProtectionProvider dataProtection)
{
    private const string RequestStateToken = "mcpdemo-request-state-v1";

    [McpServerTool(Name = "test_input_required_result_elicitation")]
    [Description("Asks the user's name through MRTR elicitation (key 'user_name'), then greets them.")]
    public static string Elicitation(RequestContext<CallToolRequestParams> request) =>
        InputQuestions.TextAnswer(request.Params!.InputResponses, "user_name", "name") is { } name
            ? $"Hello, {name}!"
            : throw new InputRequiredException(new Dictionary<string, InputRequest>
            {
                ["user_name"] = InputQuestions.Text("What is your name?", "name"),
            }, requestState: null);

    [McpServerTool(Name = "test_input_required_result_sampling")]
    [Description("Asks the client's model a question through MRTR sampling (key 'capital_question').")]
    public static string Sampling(RequestContext<CallToolRequestParams> request)
    {
        if (request.Params!.InputResponses?.TryGetValue("capital_question", out var response) == true)
        {
            var text = response.Deserialize(InputResponse.CreateMessageResultJsonTypeInfo)?.Content?.OfType<TextContentBlock>().FirstOrDefault()?.Text;
            return $"The model said: {text ?? "(no text)"}";
        }
        throw new InputRequiredException(new Dictionary<string, InputRequest>
        {
            ["capital_question"] = InputQuestions.Sample("What is the capital of France?", 100),
        }, requestState: null);
    }

    [McpServerTool(Name = "test_input_required_result_list_roots")]
    [Description("Asks the client for its roots through MRTR (key 'client_roots').")]
    public static string ListRoots(RequestContext<CallToolRequestParams> request)
    {
        if (request.Params!.InputResponses?.TryGetValue("client_roots", out var response) == true)
        {
            return $"The client has {response.Deserialize(InputResponse.ListRootsResultJsonTypeInfo)?.Roots?.Count ?? 0} root(s).";
        }
        throw new InputRequiredException(new Dictionary<string, InputRequest> { ["client_roots"] = InputQuestions.Roots() }, requestState: null);
    }

    [McpServerTool(Name = "test_input_required_result_request_state")]
    [Description("Hands out a requestState and checks the retry echoes it unchanged.")]
    public static string RequestState(RequestContext<CallToolRequestParams> request) => request.Params!.RequestState switch
    {
        null => throw new InputRequiredException(new Dictionary<string, InputRequest>
        {
            ["confirm"] = InputQuestions.Form("Please confirm", "ok", new ElicitRequestParams.BooleanSchema()),
        }, RequestStateToken),
        RequestStateToken => "state-ok: the echoed requestState is the one handed out",
        _ => "state-mismatch: the client echoed another requestState",
    };

    [McpServerTool(Name = "test_input_required_result_multiple_inputs")]
    [Description("Asks three questions at once (elicitation, sampling, roots) and answers once all three are answered.")]
    public static string MultipleInputs(RequestContext<CallToolRequestParams> request)
    {
        var responses = request.Params!.InputResponses;
        if (InputQuestions.Answered(responses, "user_name") && InputQuestions.Answered(responses, "greeting") && InputQuestions.Answered(responses, "client_roots"))
        {
            return "multiple-inputs-ok: elicitation, sampling and roots all answered";
        }
        throw new InputRequiredException(new Dictionary<string, InputRequest>
        {
            ["user_name"] = InputQuestions.Text("What is your name?", "name"),
            ["greeting"] = InputQuestions.Sample("Generate a greeting", 50),
            ["client_roots"] = InputQuestions.Roots(),
        }, "multiple-inputs");
    }

    [McpServerTool(Name = "test_input_required_result_multi_round")]
    [Description("Three rounds: asks a name, then a colour (with a new requestState), then answers.")]
    public static string MultiRound(RequestContext<CallToolRequestParams> request) => request.Params!.RequestState switch
    {
        null => throw new InputRequiredException(new Dictionary<string, InputRequest>
        {
            ["step1"] = InputQuestions.Text("Step 1: What is your name?", "name"),
        }, "round-1"),
        "round-1" => throw new InputRequiredException(new Dictionary<string, InputRequest>
        {
            ["step2"] = InputQuestions.Text("Step 2: What is your favorite color?", "color"),
        }, "round-2"),
        _ => "multi-round-ok",
    };

    [McpServerTool(Name = "test_input_required_result_tampered_state")]
    [Description("Hands out a Data Protection requestState; a retry with an altered one is refused with -32602.")]
    public string TamperedState(RequestContext<CallToolRequestParams> request)
    {
        var protector = dataProtection.CreateProtector("McpDemo.ConformanceServer.TamperedState");
        if (request.Params!.RequestState is not { } state)
        {
            throw new InputRequiredException(new Dictionary<string, InputRequest>
            {
                ["confirm"] = InputQuestions.Form("Please confirm", "ok", new ElicitRequestParams.BooleanSchema()),
            }, protector.Protect(Guid.NewGuid().ToString("N")));
        }
        try
        {
            protector.Unprotect(state);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new McpProtocolException("requestState failed its integrity check: it was altered or not issued here.", McpErrorCode.InvalidParams);
        }
        return "tampered-state-ok: the requestState passed its integrity check";
    }

    [McpServerTool(Name = "test_input_required_result_capabilities")]
    [Description("Asks only for what the client declared in this request's _meta clientCapabilities.")]
    public static string Capabilities(RequestContext<CallToolRequestParams> request)
    {
        if (request.Params!.InputResponses is { Count: > 0 })
        {
            return "capability-check-ok: answers received";
        }
        var declared = request.JsonRpcRequest.Context?.ClientCapabilities;
        var questions = new Dictionary<string, InputRequest>();
        if (declared?.Sampling is not null)
        {
            questions["capital_question"] = InputQuestions.Sample("What is the capital of France?", 100);
        }
        if (declared?.Elicitation is not null)
        {
            questions["user_name"] = InputQuestions.Text("What is your name?", "name");
        }
        if (declared?.Roots is not null)
        {
            questions["client_roots"] = InputQuestions.Roots();
        }
        return questions.Count == 0
            ? "capability-check-ok: the client declared nothing to ask through"
            : throw new InputRequiredException(questions, requestState: null);
    }
}
