using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpDemo.Server.Tools;

/// <summary>
/// The JSON contracts of the product tools, generated at build time so a NativeAOT binary has them: the SDK builds
/// each tool's input and output schema and binds its arguments through <see cref="Options"/> when the server starts.
/// </summary>
internal static class ToolJson
{
    /// <summary>The SDK's options and contracts, then ours: what <c>WithTools&lt;T&gt;(options)</c> is given.</summary>
    public static JsonSerializerOptions Options { get; } = new(McpJsonUtilities.DefaultOptions)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(McpJsonUtilities.DefaultOptions.TypeInfoResolver, ToolJsonContext.Default),
    };

    /// <summary>An answer that carries the same thing twice: as text for people and as structured content for programs.</summary>
    public static CallToolResult TextAndStructured<T>(string text, T structured, JsonTypeInfo<T> typeInfo) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = JsonSerializer.SerializeToElement(structured, typeInfo),
    };

    /// <summary>The SDK's contract for a protocol type <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> Protocol<T>() => (JsonTypeInfo<T>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));
}

/// <summary>camelCase, as MCP clients and the output schemas expect.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PingResult))]
[JsonSerializable(typeof(WhoAmIResult))]
[JsonSerializable(typeof(TickData))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
