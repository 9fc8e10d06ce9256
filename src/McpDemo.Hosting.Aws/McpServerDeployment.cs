namespace McpDemo.Hosting.Aws;

/// <summary>
/// What the stacks deploy, read from the Aspire model and the step's options: the MCP server, its replicas,
/// arguments, environment and secret parameters, and the deployment choices.
/// </summary>
internal sealed record McpServerDeployment
{
    /// <summary>The server's resource name, also its container and service name.</summary>
    public required string Name { get; init; }

    /// <summary>The server's project file.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>The arguments the server is started with.</summary>
    public required IReadOnlyList<string> Args { get; init; }

    /// <summary>How the server keeps sessions, as the model's <see cref="McpServerAnnotation"/> says.</summary>
    public required McpServerSessionMode SessionMode { get; init; }

    /// <summary>The server's plain environment variables from the model.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Environment variables whose value is a parameter: variable name to parameter name. They become secrets.</summary>
    public required IReadOnlyDictionary<string, string> ParameterEnvironment { get; init; }

    /// <summary>
    /// The Redis-protocol stores the server is given, by resource name (it reads <c>ConnectionStrings:&lt;name&gt;</c>);
    /// each becomes an ElastiCache Serverless cache that only the server can reach.
    /// </summary>
    public required IReadOnlyList<string> Stores { get; init; }

    /// <summary>
    /// Whether the server trusts the model's issuer (an <see cref="McpIdentityResource"/>): deployed, it validates tokens
    /// of a Cognito user pool in its place.
    /// </summary>
    public bool ValidatesTokens { get; init; }

    /// <summary>The server's desired task count: the model's replica count.</summary>
    public required int DesiredCount { get; init; }

    /// <summary>Whether sessions are pinned to a replica (ALB cookie stickiness).</summary>
    public bool IsStateful => SessionMode == McpServerSessionMode.Stateful;

    /// <summary>The project's folder.</summary>
    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath)!;

    /// <summary>The ACM certificate for HTTPS, or null for plain HTTP (testing only).</summary>
    public string? CertificateArn { get; init; }

    /// <summary>The host name clients use, accepted by the servers next to the ALB's DNS name.</summary>
    public string? DomainName { get; init; }

    /// <summary>A prebuilt image to run, or null to build the repository's Dockerfile at deploy time.</summary>
    public string? Image { get; init; }

    /// <summary>The Lambda Web Adapter layer ARN override, or null for the regional default.</summary>
    public string? LambdaAdapterLayerArn { get; init; }

    /// <summary>The port the server listens on in its container and behind the Lambda Web Adapter.</summary>
    public int ContainerPort => 8080;
}
