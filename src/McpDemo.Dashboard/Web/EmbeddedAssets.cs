using Microsoft.AspNetCore.Http;

namespace McpDemo.Dashboard.Web;

/// <summary>The dashboard's CSS and scripts, embedded in the assembly so the library ships as one file with no web root.</summary>
internal static class EmbeddedAssets
{
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    public static IResult Serve(string name)
    {
        var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream("assets/" + name);
        return stream is null || !s_contentTypes.TryGetValue(Path.GetExtension(name), out var contentType)
            ? Results.NotFound()
            : Results.Stream(stream, contentType);
    }
}
