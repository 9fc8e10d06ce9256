using Microsoft.Extensions.Primitives;

namespace McpDemo.StreamableHttp.Protocol;

/// <summary>
/// Allocation-free checks of <c>Accept</c> and <c>Content-Type</c>. They run on every POST, so they scan the raw
/// header text instead of building typed header objects.
/// </summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    /// <summary>True when some comma-separated media range of <paramref name="accept"/> is exactly <paramref name="mediaType"/>.</summary>
    public static bool Accepts(StringValues accept, string mediaType)
    {
        foreach (var value in accept)
        {
            var remaining = value.AsSpan();
            while (!remaining.IsEmpty)
            {
                var comma = remaining.IndexOf(',');
                var range = comma < 0 ? remaining : remaining[..comma];
                remaining = comma < 0 ? [] : remaining[(comma + 1)..];
                if (IsMediaType(range, mediaType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="contentType"/> is <c>application/json</c>, with or without parameters such as charset.</summary>
    public static bool IsJson(string? contentType) => contentType is not null && IsMediaType(contentType, Json);

    private static bool IsMediaType(ReadOnlySpan<char> value, string mediaType)
    {
        var semicolon = value.IndexOf(';');
        var type = (semicolon < 0 ? value : value[..semicolon]).Trim();
        return type.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
    }
}
