namespace McpDemo.Hosting.Console;

/// <summary>ANSI colours for the AppHost console; each resource gets its own so interleaved output stays readable.</summary>
internal static class AnsiColor
{
    public const string Reset = "\u001b[0m";
    public const string Red = "\u001b[31m";
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Bold = "\u001b[1m";
    public const string Dim = "\u001b[2m";

    private static readonly string[] ResourcePalette =
    [
        "\u001b[36m", // cyan
        "\u001b[35m", // magenta
        "\u001b[34m", // blue
        "\u001b[33m", // yellow
        "\u001b[32m", // green
        "\u001b[96m", // bright cyan
        "\u001b[95m", // bright magenta
        "\u001b[94m", // bright blue
    ];

    public static string ForResource(int resourceIndex) => ResourcePalette[resourceIndex % ResourcePalette.Length];
}
