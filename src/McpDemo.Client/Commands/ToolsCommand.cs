using System.CommandLine;
using System.Text.Json;
using McpDemo.Client.CommandLine;
using McpDemo.Client.Connection;
using McpDemo.Client.Failures;
using ModelContextProtocol.Protocol;
using Spectre.Console;

namespace McpDemo.Client.Commands;

/// <summary><c>tools</c>: lists the server's tools with their descriptions and arguments.</summary>
internal sealed class ToolsCommand : ClientCommand
{
    public ToolsCommand(ClientContext context, Connector connector)
        : base("tools", "List the server's tools and their arguments (* marks required ones).", context, connector)
    {
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var connection = await Connector.OpenAsync(parseResult, ConnectionOptions.Default, cancellationToken);
        var tools = await connection.Client.ListToolsAsync(cancellationToken: cancellationToken);
        var table = new Table().AddColumn("Tool").AddColumn("Arguments").AddColumn("Description");
        foreach (var tool in tools.OrderBy(tool => tool.Name, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(tool.Name),
                Markup.Escape(DescribeArguments(tool.ProtocolTool)),
                Markup.Escape(tool.Description));
        }
        Console.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>The arguments of a tool from its input schema, e.g. <c>delayMs: integer</c>, <c>name*: string</c>.</summary>
    private static string DescribeArguments(Tool tool)
    {
        var schema = tool.InputSchema;
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        var required = schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(name => name.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        return string.Join('\n', properties.EnumerateObject().Select(property =>
            $"{property.Name}{(required.Contains(property.Name) ? "*" : "")}: {TypeOf(property.Value)}"));
    }

    private static string TypeOf(JsonElement propertySchema) =>
        propertySchema.ValueKind == JsonValueKind.Object && propertySchema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? string.Join('|', type.EnumerateArray()) : type.ToString()
            : "any";
}
