using McpDemo.Hosting.ApplicationModel;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// What the stacks deploy, read from the application model and the AWS options: the MCP server
/// behind the model's gateway, its replicas and session mode, and the deployment choices.
/// </summary>
internal sealed record McpServerDeployment
{
    /// <summary>The server resource (the one the gateway references).</summary>
    public required ProjectResource Server { get; init; }

    /// <summary>Whether sessions are pinned to a replica (ALB cookie stickiness).</summary>
    public required bool IsStateful { get; init; }

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

    /// <summary>The server's desired task count: the model's replica count.</summary>
    public int DesiredCount => Server.Replicas;
}
