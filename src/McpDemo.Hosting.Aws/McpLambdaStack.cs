using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The stateless MCP server as a Lambda function behind a Function URL: the same server, run by the
/// AWS Lambda Web Adapter layer, which starts it, waits for <c>/health</c>, and forwards each invocation
/// as an HTTP request, streaming the response (so SSE answers are not buffered). With stores in the model, the
/// function joins a VPC of its own, where each store is an ElastiCache Serverless cache only the function reaches:
/// stateless instances still share the Data Protection key ring (MRTR <c>requestState</c> made by one verifies on
/// another) and notification fan-out.
/// </summary>
internal sealed class McpLambdaStack : Stack
{
    /// <summary>Memory also buys CPU in Lambda; 1 GiB keeps cold starts of a .NET web app short.</summary>
    public const int MemorySize = 1024;

    /// <summary>The longest one MCP request may run (tools such as ping delay up to 10 s).</summary>
    public static readonly Duration Timeout = Duration.Seconds(60);

    private static readonly SubnetSelection IsolatedSubnets = new() { SubnetType = SubnetType.PRIVATE_ISOLATED };

    public McpLambdaStack(Construct scope, string id, McpServerDeployment deployment, string packageDirectory)
        : base(scope, id, new StackProps { Description = "McpDemo stateless MCP server on AWS Lambda with the Lambda Web Adapter." })
    {
        var vpc = deployment.Stores.Count > 0 ? NewStoreVpc() : null;
        List<ServerlessStore> stores = vpc is null ? [] : [.. deployment.Stores.Select(name => new ServerlessStore(this, name, vpc, IsolatedSubnets))];
        var issuer = deployment.ValidatesTokens ? new CognitoIssuer(this, "Issuer") : null;
        // The package's native binary decides the function's architecture, and so the adapter build it runs beside.
        var architecture = LambdaPackage.ArchitectureOf(packageDirectory, deployment.ProjectPath);
        var adapter = LayerVersion.FromLayerVersionArn(this, "WebAdapter", deployment.LambdaAdapterLayerArn ?? Fn.Sub(architecture.DefaultAdapterLayerArn));
        var function = new Function(this, "Server", new FunctionProps
        {
            // A custom runtime: the bootstrap script execs the NativeAOT binary, which needs no .NET runtime.
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = architecture.Cdk,
            Handler = "bootstrap",
            Code = Code.FromAsset(packageDirectory),
            MemorySize = MemorySize,
            Timeout = Timeout,
            Layers = [adapter],
            // A Function URL is known only once the function exists, so the resource is not named to it (see docs/aws.md).
            Environment = LambdaEnvironment(deployment, stores).Concat(issuer?.ServerEnvironment(resource: null) ?? []).ToDictionary(),
            Vpc = vpc,
            VpcSubnets = vpc is null ? null : IsolatedSubnets,
            LogGroup = new LogGroup(this, "ServerLogs", new LogGroupProps { Retention = McpFargateStack.LogRetention, RemovalPolicy = RemovalPolicy.DESTROY }),
        });
        stores.ForEach(store => store.AllowFrom(function));
        var url = function.AddFunctionUrl(new FunctionUrlOptions
        {
            // Open to the internet only when the function validates tokens itself; otherwise callers must sign with IAM.
            AuthType = issuer is null ? FunctionUrlAuthType.AWS_IAM : FunctionUrlAuthType.NONE,
            InvokeMode = InvokeMode.RESPONSE_STREAM,
        });
        _ = new CfnOutput(this, "McpEndpoint", new CfnOutputProps
        {
            Description = "The MCP endpoint of the Lambda variant (stateless only).",
            Value = Fn.Join(string.Empty, [url.Url, McpServerConventions.McpPath.TrimStart('/')]),
        });
    }

    /// <summary>
    /// A VPC over two AZs with isolated subnets only, for the function and its stores: the function joins it only to
    /// reach them, so it needs no NAT gateway (its logs leave through the Lambda service, not its network).
    /// </summary>
    private Vpc NewStoreVpc() => new(this, "Vpc", new VpcProps
    {
        MaxAzs = 2,
        NatGateways = 0,
        SubnetConfiguration = [new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED }],
    });

    /// <summary>
    /// The adapter's settings (port, readiness path, streaming) and the server's: it listens on
    /// loopback, where the adapter reaches it, and accepts any Host because a Function URL's host name
    /// is only known after deployment and is AWS's own, so DNS rebinding cannot aim at it. Then its stores.
    /// </summary>
    private static Dictionary<string, string> LambdaEnvironment(McpServerDeployment deployment, IEnumerable<ServerlessStore> stores)
    {
        var environment = new Dictionary<string, string>(deployment.Environment)
        {
            ["AWS_LWA_PORT"] = deployment.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LWA_READINESS_CHECK_PATH"] = McpServerConventions.HealthPath,
            ["AWS_LWA_INVOKE_MODE"] = "response_stream",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{deployment.ContainerPort}",
            [McpServerResourceExtensions.AllowedHostsVariablePrefix + "0"] = "*",
            ["OTEL_SERVICE_NAME"] = deployment.Name,
        };
        foreach (var store in stores)
        {
            environment[store.EnvironmentVariable] = store.ConnectionString;
        }
        return environment;
    }
}
