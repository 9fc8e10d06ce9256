using System.Text.Json;
using System.Text.Json.Nodes;
using McpDemo.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace McpDemo.Server.Tests.Tools;

/// <summary>
/// <c>confirm_action</c> in both eras: MRTR (<c>input_required</c>, then the client's retry) for 2026-07-28 clients,
/// a classic <c>elicitation/create</c> in a legacy session, and a protected <c>requestState</c> either way.
/// </summary>
public sealed class ConfirmActionToolTests(StatelessServer stateless, StatefulServer stateful)
    : IClassFixture<StatelessServer>, IClassFixture<StatefulServer>
{
    private const string Action = "delete the staging database";

    public static TheoryData<string, string, bool, string> Eras => new()
    {
        // mode, protocol, user's answer, expected text
        { "Stateless", RawMcp.Current, true, $"confirmed: {Action}" },
        { "Stateless", RawMcp.Current, false, $"not confirmed: {Action} (answered no)" },
        { "Stateful", RawMcp.Current, true, $"confirmed: {Action}" },
        { "Stateful", "2025-11-25", true, $"confirmed: {Action}" },
        { "Stateful", "2025-11-25", false, $"not confirmed: {Action} (answered no)" },
    };

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task ConfirmAction_AsksTheUser_AndAnswersWithTheirAnswer(string mode, string protocol, bool answer, string expected)
    {
        var server = mode == "Stateless" ? (ServerProcess)stateless : stateful;
        var questions = new List<ElicitRequestParams>();
        await using var client = await server.ConnectAsync(protocol, new McpClientHandlers
        {
            ElicitationHandler = (question, _) =>
            {
                questions.Add(question!);
                return ValueTask.FromResult(new ElicitResult
                {
                    Action = "accept",
                    Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(answer) },
                });
            },
        });

        var result = await client.CallToolAsync("confirm_action", new Dictionary<string, object?> { ["action"] = Action });

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(expected, PingToolTests.ErrorText(result));
        var question = Assert.Single(questions);
        Assert.Equal($"Confirm: {Action}?", question.Message);
        Assert.Equal(protocol, client.NegotiatedProtocolVersion);
    }

    [Fact]
    public async Task ConfirmAction_Declined_IsNotConfirmed()
    {
        await using var client = await stateless.ConnectAsync(handlers: new McpClientHandlers
        {
            ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult { Action = "decline" }),
        });

        var result = await client.CallToolAsync("confirm_action", new Dictionary<string, object?> { ["action"] = Action });

        Assert.Equal($"not confirmed: {Action} (decline)", PingToolTests.ErrorText(result));
    }

    [Fact]
    public async Task ConfirmAction_FirstRound_IsInputRequired_WithAProtectedRequestState()
    {
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawMcp.CallTool(stateless.Endpoint, "confirm_action", new JsonObject { ["action"] = Action }));

        var result = (await RawMcp.ReadMessageAsync(response)).GetProperty("result");
        Assert.Equal("input_required", result.GetProperty("resultType").GetString());
        Assert.Equal("elicitation/create", result.GetProperty("inputRequests").GetProperty("confirm").GetProperty("method").GetString());
        var state = result.GetProperty("requestState").GetString()!;
        // Opaque: the action is not readable in the state the client carries.
        Assert.DoesNotContain("staging", state, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ConfirmAction_ForgedRequestState_IsAClearToolError(string forged)
    {
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawMcp.CallTool(stateless.Endpoint, "confirm_action", new JsonObject { ["action"] = Action },
            parameters =>
            {
                parameters["requestState"] = forged;
                parameters["inputResponses"] = new JsonObject
                {
                    ["confirm"] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["confirm"] = true } },
                };
            }));

        Assert.True(response.IsSuccessStatusCode);
        var result = (await RawMcp.ReadMessageAsync(response)).GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("forged or has expired", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ConfirmAction_StateIssuedForAnotherAction_IsAToolError()
    {
        using var http = new HttpClient();
        using var first = await http.SendAsync(RawMcp.CallTool(stateless.Endpoint, "confirm_action", new JsonObject { ["action"] = "something harmless" }));
        var state = (await RawMcp.ReadMessageAsync(first)).GetProperty("result").GetProperty("requestState").GetString();

        using var retry = await http.SendAsync(RawMcp.CallTool(stateless.Endpoint, "confirm_action", new JsonObject { ["action"] = Action },
            parameters =>
            {
                parameters["requestState"] = state;
                parameters["inputResponses"] = new JsonObject
                {
                    ["confirm"] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["confirm"] = true } },
                };
            }));

        var result = (await RawMcp.ReadMessageAsync(retry)).GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("issued for another action", result.GetProperty("content")[0].GetProperty("text").GetString());
    }
}
