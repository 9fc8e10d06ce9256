using System.Reflection;

namespace McpDemo.Hosting.ApplicationModel;

/// <summary>
/// Project metadata from a project file path alone: the entry assembly is found by the SDK's
/// default output layout, in the configuration the AppHost itself was built in.
/// </summary>
internal sealed class ProjectPathMetadata : IProjectMetadata
{
    public ProjectPathMetadata(string projectPath, string baseDirectory)
    {
        ProjectPath = Path.GetFullPath(projectPath, baseDirectory);
        var name = Path.GetFileNameWithoutExtension(ProjectPath);
        TargetPath = Path.Combine(Path.GetDirectoryName(ProjectPath)!, "bin", BuildConfiguration, "net10.0", name + ".dll");
    }

    public string ProjectPath { get; }

    public string TargetPath { get; }

    private static string BuildConfiguration =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
