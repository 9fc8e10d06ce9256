using System.Reflection;

namespace McpDemo.Testing;

/// <summary>Finds the repository and the build output of its projects from a running test.</summary>
public static class RepoLayout
{
    /// <summary>The repository root: the nearest folder above the test assembly holding <c>McpDemo.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Debug or Release); projects under test were built alike.</summary>
    public static string Configuration { get; } =
        typeof(RepoLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The path of a project's built entry assembly, e.g. <c>ProjectDll("src/McpDemo.Server")</c>.</summary>
    public static string ProjectDll(string projectFolder)
    {
        var name = Path.GetFileName(projectFolder.TrimEnd('/'));
        var dll = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", name + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException(
                $"{dll} is missing. Build the solution first: dotnet build McpDemo.slnx -c {Configuration}", dll);
        }
        return dll;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "McpDemo.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No McpDemo.slnx above {AppContext.BaseDirectory}.");
    }
}
