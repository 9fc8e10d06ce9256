namespace McpDemo.ConformanceServer;

/// <summary>The smallest valid media files, shared by the tools, resources and prompts that return binary content.</summary>
internal static class TestMedia
{
    /// <summary>A 1x1 red pixel PNG.</summary>
    public static ReadOnlyMemory<byte> RedPixelPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>A WAV file (8 kHz mono, 16-bit) holding one silent sample.</summary>
    public static ReadOnlyMemory<byte> SilentWav { get; } = Convert.FromBase64String(
        "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQIAAAAAAA==");

    /// <summary>The MIME type of <see cref="RedPixelPng"/>.</summary>
    public const string PngMimeType = "image/png";

    /// <summary>The MIME type of <see cref="SilentWav"/>.</summary>
    public const string WavMimeType = "audio/wav";
}
