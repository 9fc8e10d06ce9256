namespace McpDemo.Hosting.ApplicationModel;

/// <summary>An endpoint every replica of a resource listens on.</summary>
public sealed class EndpointDefinition
{
    /// <summary>Creates an endpoint definition.</summary>
    public EndpointDefinition(string name, string scheme, int? port)
    {
        if (port is < 1 or > 65535)
        {
            throw new DistributedApplicationException($"Endpoint port {port} is out of range 1..65535.");
        }
        Name = name;
        Scheme = scheme;
        Port = port;
    }

    /// <summary>The endpoint name, e.g. <c>http</c>; it is the middle of <c>services__&lt;resource&gt;__&lt;name&gt;__&lt;i&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>The URI scheme, e.g. <c>http</c>.</summary>
    public string Scheme { get; }

    /// <summary>A fixed port, or null to let the orchestrator pick a free one per replica.</summary>
    public int? Port { get; }

    /// <summary>Whether the endpoint is meant for callers outside the application (a publisher exposes it publicly).</summary>
    public bool IsExternal { get; internal set; }
}
