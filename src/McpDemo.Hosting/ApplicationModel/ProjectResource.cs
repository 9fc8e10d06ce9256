namespace McpDemo.Hosting.ApplicationModel;

/// <summary>A .NET project of this solution, run from its built entry assembly with <c>dotnet &lt;dll&gt;</c>.</summary>
public sealed class ProjectResource : Resource
{
    /// <summary>Creates a project resource.</summary>
    public ProjectResource(string name, IProjectMetadata project)
        : base(name)
    {
        ProjectPath = project.ProjectPath;
        TargetPath = project.TargetPath;
    }

    /// <summary>The full path of the project file.</summary>
    public string ProjectPath { get; }

    /// <summary>The full path of the built entry assembly.</summary>
    public string TargetPath { get; }

    /// <summary>The project's folder: replicas run there, as under <c>dotnet run</c>, so content files resolve.</summary>
    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath)!;
}
