using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Tools;

/// <summary>
/// Tools whose elicitation requests exercise the schema features added in the 2025-11-25 revision:
/// default values (SEP-1034) and the enum variants (SEP-1330).
/// </summary>
[McpServerToolType]
internal sealed class ElicitationSchemaTools
{
    [McpServerTool(Name = "test_elicitation_sep1034_defaults"), Description("Elicits one field of each primitive type, each with a default value.")]
    public static Task<string> Defaults(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Confirm or change these defaults", new()
        {
            ["name"] = new ElicitRequestParams.StringSchema { Default = "John Doe" },
            ["age"] = new ElicitRequestParams.NumberSchema { Type = "integer", Default = 30 },
            ["score"] = new ElicitRequestParams.NumberSchema { Default = 95.5 },
            ["status"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
            {
                Enum = ["active", "inactive", "pending"],
                Default = "active",
            },
            ["verified"] = new ElicitRequestParams.BooleanSchema { Default = true },
        }, cancellationToken);

    [McpServerTool(Name = "test_elicitation_sep1330_enums"), Description("Elicits one field of each enum variant: titled or not, single or multi-select, and the legacy enumNames form.")]
    public static Task<string> Enums(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Pick some options", new()
        {
            ["untitledSingle"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
            {
                Enum = ["option1", "option2", "option3"],
            },
            ["titledSingle"] = new ElicitRequestParams.TitledSingleSelectEnumSchema
            {
                OneOf = Options(("value1", "First Option"), ("value2", "Second Option"), ("value3", "Third Option")),
            },
            ["legacyEnum"] = new ElicitRequestParams.LegacyTitledEnumSchema
            {
                Enum = ["opt1", "opt2", "opt3"],
                EnumNames = ["Option One", "Option Two", "Option Three"],
            },
            ["untitledMulti"] = new ElicitRequestParams.UntitledMultiSelectEnumSchema
            {
                Items = new ElicitRequestParams.UntitledEnumItemsSchema { Enum = ["option1", "option2", "option3"] },
            },
            ["titledMulti"] = new ElicitRequestParams.TitledMultiSelectEnumSchema
            {
                Items = new ElicitRequestParams.TitledEnumItemsSchema
                {
                    AnyOf = Options(("value1", "First Choice"), ("value2", "Second Choice"), ("value3", "Third Choice")),
                },
            },
        }, cancellationToken);

    private static ElicitRequestParams.EnumSchemaOption[] Options(params (string Value, string Title)[] options) =>
        [.. options.Select(option => new ElicitRequestParams.EnumSchemaOption { Const = option.Value, Title = option.Title })];

    private static async Task<string> ElicitAsync(
        McpServer server,
        string message,
        Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> properties,
        CancellationToken cancellationToken)
    {
        var schema = new ElicitRequestParams.RequestSchema();
        foreach (var (name, property) in properties)
        {
            schema.Properties[name] = property;
        }
        var result = await ClientRequest.SendAsync(() =>
            server.ElicitAsync(new ElicitRequestParams { Message = message, RequestedSchema = schema }, cancellationToken));
        return $"Elicitation completed: action={result.Action}, content={JsonSerializer.Serialize(result.Content)}";
    }
}
