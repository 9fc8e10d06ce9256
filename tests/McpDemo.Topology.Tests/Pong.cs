using System.Text.RegularExpressions;

namespace McpDemo.Topology.Tests;

/// <summary>Reads the product server's <c>ping</c> answer, <c>pong! instance=&lt;id&gt; v=&lt;version&gt; d=&lt;ms&gt;</c>.</summary>
internal static partial class Pong
{
    /// <summary>
    /// The replica that answered, by its resource name: the AppHost makes replica N of service <c>server</c> instance N,
    /// so <c>instance=2</c> is <c>server-2</c>.
    /// </summary>
    public static string ReplicaOf(string pong) =>
        Instance().Match(pong) is { Success: true } match
            ? $"server-{match.Groups["id"].Value}"
            : throw new FormatException($"Not a pong: '{pong}'");

    [GeneratedRegex(@"^pong! instance=(?<id>\S+) ")]
    private static partial Regex Instance();
}
