using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;
using Protocol = Amazon.CDK.AWS.ElasticLoadBalancingV2.Protocol;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The MCP server on ECS Fargate: a VPC over two AZs, the server tasks (desired count = the model's
/// replicas) with an OpenTelemetry collector sidecar in private subnets, and an internet-facing ALB in
/// place of the local gateway: health checks on <c>/health</c>, drain time for SSE streams, cookie
/// stickiness for stateful sessions, and HTTPS when a certificate is given. The model's stores become
/// ElastiCache Serverless caches in the same private subnets, reachable only from the tasks.
/// </summary>
internal sealed class McpFargateStack : Stack
{
    /// <summary>
    /// How long the ALB lets a deregistering task finish in-flight requests, including open SSE
    /// streams, before cutting them: long enough for tool calls and a reconnect, short enough for quick deploys.
    /// </summary>
    public static readonly Duration DeregistrationDelay = Duration.Seconds(90);

    /// <summary>How long an idle connection (e.g. a quiet GET stream between events) stays open at the ALB.</summary>
    public static readonly Duration IdleTimeout = Duration.Seconds(300);

    /// <summary>How long a stateful client stays pinned to its replica by the ALB's cookie.</summary>
    public static readonly Duration StickinessDuration = Duration.Hours(1);

    /// <summary>How long the logs of the server and the collector are kept.</summary>
    public const RetentionDays LogRetention = RetentionDays.ONE_MONTH;

    public McpFargateStack(Construct scope, string id, McpServerDeployment deployment)
        : base(scope, id, new StackProps { Description = "McpDemo MCP server on ECS Fargate behind an Application Load Balancer." })
    {
        var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
        var privateSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };
        var stores = deployment.Stores.Select(name => new ServerlessStore(this, name, vpc, privateSubnets)).ToList();
        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
        var alb = new ApplicationLoadBalancer(this, "Alb", new ApplicationLoadBalancerProps
        {
            Vpc = vpc,
            InternetFacing = true,
            IdleTimeout = IdleTimeout,
            DropInvalidHeaderFields = true,
        });

        var task = new FargateTaskDefinition(this, "ServerTask", new FargateTaskDefinitionProps
        {
            Cpu = 512,
            MemoryLimitMiB = 1024,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
        });
        var collector = new TelemetryCollector(this, "Telemetry", task, LogRetention);
        var scheme = deployment.CertificateArn is null ? "http" : "https";
        var mcpUrl = $"{scheme}://{deployment.DomainName ?? alb.LoadBalancerDnsName}{McpServerConventions.McpPath}";
        var issuer = deployment.ValidatesTokens ? new CognitoIssuer(this, "Issuer") : null;
        var server = task.AddContainer(deployment.Name, new ContainerDefinitionOptions
        {
            Image = ServerImage.For(deployment),
            Command = [.. deployment.Args],
            PortMappings = [new PortMapping { ContainerPort = deployment.ContainerPort }],
            Environment = ServerEnvironment(deployment, alb, stores).Concat(issuer?.ServerEnvironment(mcpUrl) ?? []).ToDictionary(),
            Secrets = ServerSecrets(deployment),
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps
            {
                StreamPrefix = deployment.Name,
                LogGroup = new LogGroup(this, "ServerLogs", new LogGroupProps { Retention = LogRetention, RemovalPolicy = RemovalPolicy.DESTROY }),
            }),
            // Outlast the ALB's drain so streams end by the server's graceful shutdown, not a kill.
            StopTimeout = Duration.Seconds(120),
        });
        server.AddContainerDependencies(new ContainerDependency { Container = collector.Container, Condition = ContainerDependencyCondition.START });

        var service = new FargateService(this, "ServerService", new FargateServiceProps
        {
            Cluster = cluster,
            TaskDefinition = task,
            DesiredCount = deployment.DesiredCount,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            VpcSubnets = privateSubnets,
            HealthCheckGracePeriod = Duration.Seconds(60),
        });
        stores.ForEach(store => store.AllowFrom(service));
        var targets = new ApplicationTargetGroup(this, "ServerTargets", new ApplicationTargetGroupProps
        {
            Vpc = vpc,
            Port = deployment.ContainerPort,
            Protocol = ApplicationProtocol.HTTP,
            TargetType = TargetType.IP,
            DeregistrationDelay = DeregistrationDelay,
            StickinessCookieDuration = deployment.IsStateful ? StickinessDuration : null,
            HealthCheck = new HealthCheck
            {
                Path = McpServerConventions.HealthPath,
                Protocol = Protocol.HTTP,
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(15),
                Timeout = Duration.Seconds(5),
                HealthyThresholdCount = 2,
                UnhealthyThresholdCount = 3,
            },
        });
        service.AttachToApplicationTargetGroup(targets);

        AddListeners(alb, targets, deployment.CertificateArn);
        _ = new CfnOutput(this, "McpEndpoint", new CfnOutputProps
        {
            Description = scheme == "https" ? "The MCP endpoint (HTTPS)." : "The MCP endpoint over PLAIN HTTP: for testing only, pass --certificate-arn for HTTPS.",
            Value = mcpUrl,
        });
    }

    /// <summary>
    /// The server's environment in a container: listen on every interface (the services bind loopback
    /// unless told otherwise), accept the ALB's Host, export telemetry to the sidecar, and find its stores.
    /// </summary>
    private static Dictionary<string, string> ServerEnvironment(McpServerDeployment deployment, ApplicationLoadBalancer alb, IEnumerable<ServerlessStore> stores)
    {
        var environment = new Dictionary<string, string>(deployment.Environment)
        {
            ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{deployment.ContainerPort}",
            [McpServerResourceExtensions.AllowedHostsVariablePrefix + "0"] = alb.LoadBalancerDnsName,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = TelemetryCollector.OtlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = deployment.Name,
        };
        if (deployment.DomainName is { } domain)
        {
            environment[McpServerResourceExtensions.AllowedHostsVariablePrefix + "1"] = domain;
        }
        foreach (var store in stores)
        {
            environment[store.EnvironmentVariable] = store.ConnectionString;
        }
        return environment;
    }

    /// <summary>
    /// Each parameter the server reads becomes a generated Secrets Manager secret, injected by ECS at task
    /// start: the value is in no template, no task definition and no local file.
    /// </summary>
    private Dictionary<string, Amazon.CDK.AWS.ECS.Secret> ServerSecrets(McpServerDeployment deployment) =>
        deployment.ParameterEnvironment.ToDictionary(
            p => p.Key,
            p => Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(new Amazon.CDK.AWS.SecretsManager.Secret(this, $"Parameter-{p.Value}", new SecretProps
            {
                Description = $"McpDemo parameter '{p.Value}', generated at deploy time; read it to configure clients.",
                GenerateSecretString = new SecretStringGenerator { PasswordLength = 48, ExcludePunctuation = true },
                RemovalPolicy = RemovalPolicy.DESTROY,
            })));

    /// <summary>HTTPS with an HTTP redirect when there is a certificate, else plain HTTP.</summary>
    private static void AddListeners(ApplicationLoadBalancer alb, ApplicationTargetGroup targets, string? certificateArn)
    {
        if (certificateArn is null)
        {
            Annotations.Of(alb).AddWarning(AwsCdkPublishStep.PlainHttpWarning);
            alb.AddListener("Http", new BaseApplicationListenerProps { Port = 80, Protocol = ApplicationProtocol.HTTP, DefaultTargetGroups = [targets] });
            return;
        }
        alb.AddListener("Https", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [ListenerCertificate.FromArn(certificateArn)],
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            DefaultTargetGroups = [targets],
        });
        alb.AddRedirect(new ApplicationLoadBalancerRedirectConfig
        {
            SourcePort = 80,
            SourceProtocol = ApplicationProtocol.HTTP,
            TargetPort = 443,
            TargetProtocol = ApplicationProtocol.HTTPS,
        });
    }
}
