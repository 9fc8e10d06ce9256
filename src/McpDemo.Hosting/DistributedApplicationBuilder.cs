using McpDemo.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace McpDemo.Hosting;

/// <summary>Declares the resources of a distributed application, then builds it to run locally.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    internal DistributedApplicationBuilder(DistributedApplicationOptions options, string[] args)
    {
        Options = options;
        Args = args;
        Configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
    }

    /// <summary>How the application will run.</summary>
    public DistributedApplicationOptions Options { get; }

    /// <summary>The AppHost's command-line arguments.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>
    /// The AppHost's configuration, as in Aspire: environment variables, then the command line
    /// (<c>--Parameters:name=value</c>), which wins. Parameters read their local values from here.
    /// </summary>
    public IConfiguration Configuration { get; }

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

    /// <summary>
    /// Adds a parameter whose local value is configuration <c>Parameters:&lt;name&gt;</c> (environment variable
    /// <c>Parameters__&lt;name&gt;</c>, or <c>--Parameters:&lt;name&gt;=value</c> on the AppHost command line).
    /// A <paramref name="secret"/> value is never printed; an <paramref name="optional"/> one may be left unset,
    /// which leaves the consumers' variables unset when running locally.
    /// </summary>
    public IResourceBuilder<ParameterResource> AddParameter(string name, bool secret = false, bool optional = false) =>
        AddResource(new ParameterResource(name, Configuration[$"{ParameterResource.ConfigurationSection}:{name}"], secret, optional));

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
