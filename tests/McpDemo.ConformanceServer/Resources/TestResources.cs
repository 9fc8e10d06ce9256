using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpDemo.ConformanceServer.Resources;

/// <summary>The <c>test://</c> resources: static text, static binary, a template, and one that changes.</summary>
[McpServerResourceType]
internal sealed class TestResources
{
    [McpServerResource(UriTemplate = "test://static-text", Name = "static-text", MimeType = "text/plain")]
    [Description("A text resource whose content never changes.")]
    public static string StaticText() => "This is the content of the static text resource.";

    [McpServerResource(UriTemplate = "test://static-binary", Name = "static-binary", MimeType = TestMedia.PngMimeType)]
    [Description("A binary resource: a 1x1 PNG image.")]
    public static BlobResourceContents StaticBinary() =>
        BlobResourceContents.FromBytes(TestMedia.RedPixelPng, "test://static-binary", TestMedia.PngMimeType);

    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "template-data", MimeType = "application/json")]
    [Description("JSON data for any id, read through a resource template.")]
    public static TextResourceContents TemplateData([Description("The id to describe.")] string id) => new()
    {
        Uri = $"test://template/{id}/data",
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(new { id, templateTest = true, data = $"Data for ID: {id}" }),
    };

    [McpServerResource(UriTemplate = WatchedResource.Uri, Name = "watched-resource", MimeType = "text/plain")]
    [Description("A text resource that changes every few seconds; subscribe to be told when it does.")]
    public static string Watched(WatchedResource watched) => watched.Content;
}
