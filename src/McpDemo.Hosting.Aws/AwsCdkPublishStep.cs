using Amazon.CDK;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The <c>publish-aws-cdk</c> pipeline step: synthesizes an AWS CDK cloud assembly from the Aspire model, the
/// MCP server on ECS Fargate behind an ALB that stands in for the local gateway, and for stateless servers also
/// a Lambda variant. Each store the server references becomes an ElastiCache Serverless (Valkey) cache in each stack. Synthesis is offline: no account, credentials or Docker; <c>cdk deploy --app DIR</c>
/// builds the image and deploys.
/// </summary>
public static class AwsCdkPublishStep
{
    /// <summary>The step's name, for <c>--step</c> and <c>aspire do</c>.</summary>
    public const string StepName = "publish-aws-cdk";

    /// <summary>The stack name of the ECS Fargate deployment.</summary>
    public const string FargateStackName = "McpDemoFargate";

    /// <summary>The stack name of the Lambda variant (stateless servers only).</summary>
    public const string LambdaStackName = "McpDemoLambda";

    /// <summary>The CDK context key that may carry the certificate ARN instead of the option (<c>cdk.json</c> or <c>CDK_CONTEXT_JSON</c>).</summary>
    public const string CertificateArnContextKey = "certificateArn";

    /// <summary>Logged, and attached to the stack as a warning, when no certificate makes the ALB serve HTTPS.</summary>
    public const string PlainHttpWarning =
        "WARNING: no certificate ARN given (--certificate-arn or context 'certificateArn'), so the load balancer serves MCP over PLAIN HTTP. " +
        "Anyone on the path can read and change MCP traffic, including API keys. Use this only for short-lived tests.";

    /// <summary>
    /// Adds the <c>publish-aws-cdk</c> step, required by <c>publish</c>. It reads <c>--certificate-arn</c>,
    /// <c>--domain-name</c>, <c>--image</c> and <c>--lambda-adapter-layer-arn</c> from the AppHost's configuration.
    /// </summary>
    public static IDistributedApplicationBuilder AddAwsCdkPublishing(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Pipeline.AddStep(StepName, context => PublishAsync(context, builder.Configuration), requiredBy: WellKnownPipelineSteps.Publish);
        return builder;
    }

    private static async Task PublishAsync(PipelineStepContext context, IConfiguration configuration)
    {
        var outputPath = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
        var app = new App(new AppProps { Outdir = outputPath, AnalyticsReporting = false });
        var deployment = await ReadDeploymentAsync(context, configuration, app);
        if (deployment.CertificateArn is null)
        {
            context.Logger.LogWarning(PlainHttpWarning);
        }
        _ = new McpFargateStack(app, FargateStackName, deployment);
        LambdaPackage? package = null;
        try
        {
            if (!deployment.IsStateful)
            {
                package = LambdaPackage.Publish(deployment.ProjectPath, deployment.Args, context.Logger);
                _ = new McpLambdaStack(app, LambdaStackName, deployment, package.Directory);
            }
            app.Synth();
        }
        finally
        {
            package?.Dispose();
        }
        context.Logger.LogInformation("Wrote the CDK cloud assembly to {Output}; deploy with: cdk deploy --app {Output} --all", outputPath, outputPath);
    }

    private static async Task<McpServerDeployment> ReadDeploymentAsync(PipelineStepContext context, IConfiguration configuration, App app)
    {
        var (server, mcp) = FindServer(context.Model);
        var environment = new Dictionary<string, object>(StringComparer.Ordinal);
        var environmentContext = new EnvironmentCallbackContext(context.ExecutionContext, server, environment, context.CancellationToken);
        foreach (var callback in server.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(environmentContext);
        }
        return new McpServerDeployment
        {
            Name = server.Name,
            ProjectPath = server.GetProjectMetadata().ProjectPath,
            Args = await ArgsOfAsync(server, context),
            SessionMode = mcp.SessionMode,
            // Plain values only: endpoints and telemetry settings are the stacks' own in AWS.
            Environment = environment.Where(e => e.Value is string && !e.Key.StartsWith("OTEL_", StringComparison.Ordinal))
                .ToDictionary(e => e.Key, e => (string)e.Value, StringComparer.Ordinal),
            ParameterEnvironment = environment.Where(e => e.Value is ParameterResource)
                .ToDictionary(e => e.Key, e => ((ParameterResource)e.Value).Name, StringComparer.Ordinal),
            Stores = StoresOf(server),
            ValidatesTokens = server.Annotations.OfType<ResourceRelationshipAnnotation>().Any(r => r.Resource is McpIdentityResource),
            DesiredCount = server.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1,
            CertificateArn = configuration["certificate-arn"] ?? app.Node.TryGetContext(CertificateArnContextKey) as string,
            DomainName = configuration["domain-name"],
            Image = configuration["image"],
            LambdaAdapterLayerArn = configuration["lambda-adapter-layer-arn"],
        };
    }

    /// <summary>
    /// The stores the server references (<c>WithReference(store)</c>), by resource name. Each <see cref="GarnetStoreResource"/>
    /// becomes an ElastiCache cache; a connection string of any other resource has no AWS counterpart here, and deploying
    /// the server without it would silently drop its state, so it fails.
    /// </summary>
    private static List<string> StoresOf(ProjectResource server) =>
        [.. server.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => r.Resource).OfType<IResourceWithConnectionString>().Distinct()
            .Select(referenced => referenced is GarnetStoreResource store
                ? store.Name
                : throw new DistributedApplicationException(
                    $"The {StepName} step deploys Redis-protocol stores ({nameof(GarnetStoreResource)}) only, but the server references the connection string of '{referenced.Name}'."))];

    /// <summary>The one MCP server of the model (the project <c>AsMcpServer</c> marked) and how it keeps sessions.</summary>
    private static (ProjectResource Server, McpServerAnnotation Mcp) FindServer(DistributedApplicationModel model)
    {
        var servers = model.Resources.OfType<ProjectResource>()
            .Select(project => (Server: project, Mcp: project.Annotations.OfType<McpServerAnnotation>().LastOrDefault()))
            .Where(s => s.Mcp is not null)
            .ToList();
        return servers is [var server]
            ? (server.Server, server.Mcp!)
            : throw new DistributedApplicationException(
                $"The {StepName} step deploys one MCP server (a project marked with AsMcpServer), but the model has {servers.Count}.");
    }

    private static async Task<IReadOnlyList<string>> ArgsOfAsync(ProjectResource project, PipelineStepContext context)
    {
        var values = new List<object>();
        var argsContext = new CommandLineArgsCallbackContext(values, project, context.CancellationToken) { ExecutionContext = context.ExecutionContext };
        foreach (var callback in project.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(argsContext);
        }
        return [.. values.OfType<string>()];
    }
}
