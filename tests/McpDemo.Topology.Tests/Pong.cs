using System.Text.RegularExpressions;

namespace McpDemo.Topology.Tests;

/// <summary>Reads the product server's <c>ping</c> answer, <c>pong! instance=&lt;id&gt; v=&lt;version&gt; d=&lt;ms&gt;</c>.</summary>
internal static partial class Pong
{
    /// <summary>The replica that answered, e.g. <c>server-2</c>.</summary>
    public static string InstanceOf(string pong) =>
        Instance().Match(pong) is { Success: true } match
            ? match.Groups["id"].Value
            : throw new FormatException($"Not a pong: '{pong}'");

    [GeneratedRegex(@"^pong! instance=(?<id>\S+) ")]
    private static partial Regex Instance();
}
