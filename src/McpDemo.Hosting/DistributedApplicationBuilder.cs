using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting;

/// <summary>Declares the resources of a distributed application, then builds it to run locally.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    internal DistributedApplicationBuilder(DistributedApplicationOptions options, string[] args)
    {
        Options = options;
        Args = args;
    }

    /// <summary>How the application will run.</summary>
    public DistributedApplicationOptions Options { get; }

    /// <summary>The AppHost's command-line arguments.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>The resources declared so far.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>Adds a .NET project named by its generated metadata type, e.g. <c>AddProject&lt;Projects.McpDemo_Server&gt;("server")</c>.</summary>
    public IResourceBuilder<ProjectResource> AddProject<TProject>(string name)
        where TProject : IProjectMetadata, new() =>
        AddResource(new ProjectResource(name, new TProject()));

    /// <summary>Adds a .NET project by the path of its project file, relative to <see cref="DistributedApplicationOptions.BaseDirectory"/>.</summary>
    public IResourceBuilder<ProjectResource> AddProject(string name, string projectPath) =>
        AddResource(new ProjectResource(name, new ProjectPathMetadata(projectPath, Options.BaseDirectory, Options.ProjectConfiguration)));

    /// <summary>Adds an executable started with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public IResourceBuilder<ExecutableResource> AddExecutable(string name, string command, string workingDirectory, params string[] args) =>
        AddResource(new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, Options.BaseDirectory))).WithArgs(args);

    /// <summary>Adds a resource of any kind.</summary>
    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' is already declared.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <summary>Checks the declaration (no cycles, fixed ports only on single replicas) and builds the application.</summary>
    public DistributedApplication Build()
    {
        var model = new DistributedApplicationModel([.. _resources]);
        ModelValidator.Validate(model);
        return new DistributedApplication(model, Options);
    }
}
