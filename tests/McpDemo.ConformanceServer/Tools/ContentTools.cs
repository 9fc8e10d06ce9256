using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Tools;

/// <summary>Tools that answer with each kind of content block the protocol defines, and with a tool error.</summary>
[McpServerToolType]
internal sealed class ContentTools
{
    [McpServerTool(Name = "test_simple_text"), Description("Returns one text content block.")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content"), Description("Returns one PNG image content block.")]
    public static ImageContentBlock ImageContent() => ImageContentBlock.FromBytes(TestMedia.RedPixelPng, TestMedia.PngMimeType);

    [McpServerTool(Name = "test_audio_content"), Description("Returns one WAV audio content block.")]
    public static AudioContentBlock AudioContent() => AudioContentBlock.FromBytes(TestMedia.SilentWav, TestMedia.WavMimeType);

    [McpServerTool(Name = "test_embedded_resource"), Description("Returns one embedded text resource.")]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents
        {
            Uri = "test://embedded-resource",
            MimeType = "text/plain",
            Text = "This is an embedded resource content.",
        },
    };

    [McpServerTool(Name = "test_multiple_content_types"), Description("Returns text, an image and an embedded JSON resource together.")]
    public static ContentBlock[] MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContent(),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents
            {
                Uri = "test://mixed-content-resource",
                MimeType = "application/json",
                Text = """{"test":"data","value":123}""",
            },
        },
    ];

    [McpServerTool(Name = "test_error_handling"), Description("Always fails, reporting the failure as a tool result with isError.")]
    public static CallToolResult ErrorHandling() => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = "This tool intentionally returns an error for testing" }],
    };
}
