using System.CommandLine;
using Amazon.CDK;
using McpDemo.Hosting.ApplicationModel;
using McpDemo.Hosting.Publishing;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// Synthesizes an AWS CDK cloud assembly from the application model (<c>--publisher aws</c>): the MCP
/// server on ECS Fargate behind an ALB that stands in for the local gateway, and for stateless servers
/// also a Lambda variant. Synthesis is offline: no account, credentials or Docker; <c>cdk deploy --app
/// DIR</c> builds the image and deploys.
/// </summary>
public sealed class AwsCdkPublisher : IPublisher
{
    /// <summary>The stack name of the ECS Fargate deployment.</summary>
    public const string FargateStackName = "McpDemoFargate";

    /// <summary>The stack name of the Lambda variant (stateless servers only).</summary>
    public const string LambdaStackName = "McpDemoLambda";

    /// <summary>Printed, and attached to the stack as a warning, when no certificate makes the ALB serve HTTPS.</summary>
    public const string PlainHttpWarning =
        "WARNING: no certificate ARN given (--certificate-arn or context 'certificateArn'), so the load balancer serves MCP over PLAIN HTTP. " +
        "Anyone on the path can read and change MCP traffic, including API keys. Use this only for short-lived tests.";

    /// <inheritdoc />
    public string Name => "aws";

    /// <inheritdoc />
    public IReadOnlyList<Option> Options => AwsPublishOptions.All;

    /// <inheritdoc />
    public void Publish(PublishContext context)
    {
        var app = new App(new AppProps { Outdir = context.OutputDirectory, AnalyticsReporting = false });
        var deployment = ReadDeployment(context, app);
        if (deployment.CertificateArn is null)
        {
            context.Log.WriteLine(PlainHttpWarning);
        }
        _ = new McpFargateStack(app, FargateStackName, deployment);
        LambdaPackage? package = null;
        try
        {
            if (!deployment.IsStateful)
            {
                package = LambdaPackage.Publish(deployment.Server.ProjectPath, deployment.Server.Args, context.Log);
                _ = new McpLambdaStack(app, LambdaStackName, deployment, package.Directory);
            }
            app.Synth();
        }
        finally
        {
            package?.Dispose();
        }
        context.Log.WriteLine($"Wrote the CDK cloud assembly to {context.OutputPath}; deploy with: cdk deploy --app {context.OutputPath} --all");
    }

    private static McpServerDeployment ReadDeployment(PublishContext context, App app)
    {
        var parsed = context.ParseResult;
        var server = FindServer(context.Model);
        return new McpServerDeployment
        {
            Server = server,
            IsStateful = McpServerConventions.IsStateful(server),
            CertificateArn = parsed.GetValue(AwsPublishOptions.CertificateArn) ?? app.Node.TryGetContext(AwsPublishOptions.CertificateArnContextKey) as string,
            DomainName = parsed.GetValue(AwsPublishOptions.DomainName),
            Image = parsed.GetValue(AwsPublishOptions.Image),
            LambdaAdapterLayerArn = parsed.GetValue(AwsPublishOptions.LambdaAdapterLayerArn),
        };
    }

    /// <summary>
    /// The MCP server the ALB replaces the gateway for: the one project referenced by the model's
    /// externally reachable resource. Clients of the gateway (the demo client) are not deployed.
    /// </summary>
    private static ProjectResource FindServer(DistributedApplicationModel model)
    {
        var entry = model.Resources.SingleOrDefault(r => r.Endpoints.Any(e => e.IsExternal))
            ?? throw new DistributedApplicationException("The AWS publisher needs exactly one resource with external HTTP endpoints (the gateway the ALB replaces).");
        var servers = entry.References.OfType<ProjectResource>().Where(McpServerConventions.IsMcpServer).ToList();
        return servers is [var server]
            ? server
            : throw new DistributedApplicationException(
                $"The AWS publisher deploys one MCP server behind '{entry.Name}', but it references {servers.Count} (configured with {McpServerConventions.SessionModeKey}).");
    }
}
