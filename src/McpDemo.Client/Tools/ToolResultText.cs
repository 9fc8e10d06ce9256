using ModelContextProtocol.Protocol;

namespace McpDemo.Client.Tools;

/// <summary>The human-readable text of a tool result.</summary>
internal static class ToolResultText
{
    /// <summary>The text blocks joined by new lines, with a short placeholder for any other kind of content.</summary>
    public static string Of(CallToolResult result) =>
        string.Join('\n', result.Content.Select(block => block switch
        {
            TextContentBlock text => text.Text,
            ImageContentBlock image => $"[image {image.MimeType}]",
            AudioContentBlock audio => $"[audio {audio.MimeType}]",
            ResourceLinkBlock link => $"[resource link {link.Uri}]",
            EmbeddedResourceBlock embedded => $"[resource {embedded.Resource.Uri}]",
            _ => $"[{block.Type}]",
        }));
}
