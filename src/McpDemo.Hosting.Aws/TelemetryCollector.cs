using System.Reflection;
using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The AWS Distro for OpenTelemetry collector as a sidecar of a task: the app exports OTLP/HTTP to it
/// on localhost, and it forwards traces to X-Ray, metrics to CloudWatch and logs to CloudWatch Logs,
/// with only the permissions that takes.
/// </summary>
internal sealed class TelemetryCollector : Construct
{
    /// <summary>The collector image, pinned so deployments are repeatable.</summary>
    public const string Image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1";

    /// <summary>The endpoint the app container exports to: containers of a task share localhost.</summary>
    public const string OtlpEndpoint = "http://localhost:4318";

    public TelemetryCollector(Construct scope, string id, FargateTaskDefinition task, RetentionDays retention)
        : base(scope, id)
    {
        var metrics = NewLogGroup("Metrics", retention);
        var logs = NewLogGroup("OtelLogs", retention);
        Container = task.AddContainer("otel-collector", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(Image),
            Essential = false,
            MemoryReservationMiB = 128,
            Environment = new Dictionary<string, string>
            {
                ["AOT_CONFIG_CONTENT"] = ReadConfig(),
                ["MCPDEMO_METRICS_LOG_GROUP"] = metrics.LogGroupName,
                ["MCPDEMO_OTEL_LOG_GROUP"] = logs.LogGroupName,
            },
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = "otel-collector", LogGroup = NewLogGroup("CollectorLogs", retention) }),
        });
        metrics.GrantWrite(task.TaskRole);
        logs.GrantWrite(task.TaskRole);
        // X-Ray's write and sampling actions have no resource-level permissions, so "*" is the narrowest resource.
        task.TaskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            Resources = ["*"],
        }));
    }

    /// <summary>The sidecar container, for start-order dependencies.</summary>
    public ContainerDefinition Container { get; }

    private LogGroup NewLogGroup(string id, RetentionDays retention) => new(this, id, new LogGroupProps
    {
        Retention = retention,
        RemovalPolicy = RemovalPolicy.DESTROY,
    });

    private static string ReadConfig()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("McpDemo.Hosting.Aws.adot-collector.yaml")
            ?? throw new InvalidOperationException("The collector configuration is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
