using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpDemo.Server.Tools;

/// <summary>Answers that carry the same thing twice: as text for people and as structured content for programs.</summary>
internal static class ToolJson
{
    /// <summary>camelCase, as MCP clients and the output schemas expect.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static CallToolResult TextAndStructured<T>(string text, T structured) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = JsonSerializer.SerializeToElement(structured, Options),
    };
}
