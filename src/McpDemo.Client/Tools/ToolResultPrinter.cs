using System.Text.Json;
using ModelContextProtocol.Protocol;
using Spectre.Console;

namespace McpDemo.Client.Tools;

/// <summary>Prints a tool result: its text, then its structured content as indented JSON.</summary>
internal static class ToolResultPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Print(IAnsiConsole console, CallToolResult result)
    {
        console.WriteLine(ToolResultText.Of(result));
        if (result.StructuredContent is { } structured)
        {
            console.MarkupLine("[grey]structured content:[/]");
            console.WriteLine(JsonSerializer.Serialize(structured, Indented));
        }
    }
}
