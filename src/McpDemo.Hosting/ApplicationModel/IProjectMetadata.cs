namespace McpDemo.Hosting.ApplicationModel;

/// <summary>
/// Where a project and its build output live. The AppHost build generates one class per
/// referenced project (<c>Projects.McpDemo_Server</c>), so topologies name projects by type.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>The full path of the project file.</summary>
    string ProjectPath { get; }

    /// <summary>The full path of the built entry assembly.</summary>
    string TargetPath { get; }
}
