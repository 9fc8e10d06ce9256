namespace McpDemo.Hosting.ApplicationModel;

/// <summary>
/// Something the AppHost runs: its name, how many replicas, and what it needs from the others.
/// Plain data, so the orchestrator, the dashboard and the publishers all read the same model.
/// </summary>
public abstract class Resource
{
    private readonly List<string> _args = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterResource> _parameterEnvironment = new(StringComparer.Ordinal);
    private readonly List<EndpointDefinition> _endpoints = [];
    private readonly List<Resource> _references = [];
    private readonly List<Resource> _waitFors = [];

    /// <summary>Creates a resource; <paramref name="name"/> must be a valid <see cref="ResourceName"/>.</summary>
    protected Resource(string name)
    {
        ResourceName.ThrowIfInvalid(name);
        Name = name;
    }

    /// <summary>The resource name: the service name in telemetry and the key in <c>services__&lt;name&gt;__...</c>.</summary>
    public string Name { get; }

    /// <summary>How many copies run side by side; each gets its own port and instance id.</summary>
    public int Replicas { get; internal set; } = 1;

    /// <summary>Command-line arguments passed to every replica.</summary>
    public IReadOnlyList<string> Args => _args;

    /// <summary>Environment variables set on every replica, on top of the ones the AppHost injects.</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>Environment variables set on every replica from a parameter's value (left unset locally when an optional parameter has none).</summary>
    public IReadOnlyDictionary<string, ParameterResource> ParameterEnvironment => _parameterEnvironment;

    /// <summary>The endpoints each replica listens on.</summary>
    public IReadOnlyList<EndpointDefinition> Endpoints => _endpoints;

    /// <summary>Resources whose endpoints this one is told about (<c>services__&lt;name&gt;__http__&lt;i&gt;</c>).</summary>
    public IReadOnlyList<Resource> References => _references;

    /// <summary>Resources that must be running and healthy before this one starts.</summary>
    public IReadOnlyList<Resource> WaitFors => _waitFors;

    /// <summary>The HTTP health check that says a replica is ready, if any.</summary>
    public HttpHealthCheck? HealthCheck { get; internal set; }

    /// <summary>Every resource this one depends on: its references, what it waits for and the parameters it reads.</summary>
    public IEnumerable<Resource> Dependencies => _references.Union(_waitFors).Union(_parameterEnvironment.Values);

    internal void AddArgs(IEnumerable<string> args) => _args.AddRange(args);

    // A variable has one source: the last declaration wins, whether a literal or a parameter.
    internal void SetEnvironment(string name, string value)
    {
        _parameterEnvironment.Remove(name);
        _environment[name] = value;
    }

    internal void SetEnvironment(string name, ParameterResource parameter)
    {
        _environment.Remove(name);
        _parameterEnvironment[name] = parameter;
    }

    internal void AddEndpoint(EndpointDefinition endpoint)
    {
        if (_endpoints.Any(e => e.Name == endpoint.Name))
        {
            throw new DistributedApplicationException($"Resource '{Name}' already has an endpoint named '{endpoint.Name}'.");
        }
        _endpoints.Add(endpoint);
    }

    internal void AddReference(Resource resource) => AddOnce(_references, resource);

    internal void AddWaitFor(Resource resource) => AddOnce(_waitFors, resource);

    /// <inheritdoc />
    public override string ToString() => Name;

    private void AddOnce(List<Resource> list, Resource resource)
    {
        if (ReferenceEquals(resource, this))
        {
            throw new DistributedApplicationException($"Resource '{Name}' cannot depend on itself.");
        }
        if (!list.Contains(resource))
        {
            list.Add(resource);
        }
    }
}
