namespace McpDemo.Hosting.ApplicationModel;

/// <summary>
/// Project metadata from a project file path alone: the entry assembly is found by the SDK's
/// default output layout, in the given build configuration.
/// </summary>
internal sealed class ProjectPathMetadata : IProjectMetadata
{
    public ProjectPathMetadata(string projectPath, string baseDirectory, string configuration)
    {
        ProjectPath = Path.GetFullPath(projectPath, baseDirectory);
        var name = Path.GetFileNameWithoutExtension(ProjectPath);
        TargetPath = Path.Combine(Path.GetDirectoryName(ProjectPath)!, "bin", configuration, "net10.0", name + ".dll");
    }

    public string ProjectPath { get; }

    public string TargetPath { get; }
}
