using McpDemo.Testing;

namespace McpDemo.Server.Tests.Conformance;

/// <summary>
/// Scenarios expected to fail in a mode, read from a committed file in the suite's own
/// <c>--expected-failures</c> YAML format (<c>server:</c> followed by <c>- scenario</c> lines).
/// </summary>
public static class ConformanceBaseline
{
    /// <summary>The scenarios <paramref name="fileName"/> (in this folder of the repository) lists under <c>server:</c>.</summary>
    public static IReadOnlySet<string> Load(string fileName)
    {
        var path = Path.Combine(RepoLayout.Root, "tests", "McpDemo.Server.Tests", "Conformance", fileName);
        var scenarios = new HashSet<string>();
        var inServerList = false;
        foreach (var rawLine in File.ReadAllLines(path))
        {
            var line = rawLine.Split('#')[0].TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }
            if (!char.IsWhiteSpace(line[0]) && !line.StartsWith('-'))
            {
                inServerList = line == "server:";
            }
            else if (inServerList && line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                scenarios.Add(line.TrimStart()[2..].Trim());
            }
        }
        return scenarios;
    }
}
