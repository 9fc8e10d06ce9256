using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;

namespace McpDemo.Client.Tools;

/// <summary>What the McpDemo server's <c>ping</c> tool answered: which instance, in its own words.</summary>
/// <param name="Instance">The replica that answered (its <c>service.instance.id</c>), or <c>?</c> when the reply names none.</param>
/// <param name="Text">The reply text, e.g. <c>pong! instance=replica-1 v=1.0.0 d=0</c>.</param>
internal sealed partial record PingReply(string Instance, string Text)
{
    /// <summary>The name of the tool.</summary>
    public const string ToolName = "ping";

    private const string UnknownInstance = "?";

    /// <summary>Reads the instance from the structured content, falling back to the <c>instance=</c> in the text.</summary>
    public static PingReply From(CallToolResult result)
    {
        var text = ToolResultText.Of(result);
        var instance = result.StructuredContent is { ValueKind: JsonValueKind.Object } structured
            && structured.TryGetProperty("instance", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : InstancePattern().Match(text) is { Success: true } match ? match.Groups[1].Value : null;
        return new PingReply(string.IsNullOrEmpty(instance) ? UnknownInstance : instance, text);
    }

    [GeneratedRegex(@"instance=(\S+)")]
    private static partial Regex InstancePattern();
}
