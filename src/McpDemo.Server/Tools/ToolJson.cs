using System.Text.Json;

namespace McpDemo.Server.Tools;

/// <summary>How tools serialize structured content: camelCase, as MCP clients and the output schemas expect.</summary>
internal static class ToolJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
